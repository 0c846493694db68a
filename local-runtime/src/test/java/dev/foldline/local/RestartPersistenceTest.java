package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new runtime on the same data folder continues where the last one stopped. */
class RestartPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void aggregates_envelopes_and_projections_survive_a_restart() {
        try (LocalRuntime first = RuntimeFixture.start(dataDir)) {
            ApiClient api = ApiClient.to(first.baseUri());
            api.command("AddNumbers", "{\"aggregateId\":\"kept\",\"number1\":1,\"number2\":2}");
            api.command("AddNumbers", "{\"aggregateId\":\"kept\",\"number1\":3,\"number2\":4}");
        }

        try (LocalRuntime second = RuntimeFixture.start(dataDir)) {
            ApiClient api = ApiClient.to(second.baseUri());

            ApiClient.Reply aggregate = api.get("/aggregates/numbers/kept");
            assertThat(aggregate.version()).isEqualTo(1);
            assertThat(aggregate.state().get("sum").getAsLong()).isEqualTo(10);
            assertThat(api.get("/aggregates/numbers/kept/envelopes").json().getAsJsonArray("envelopes")).hasSize(2);
            // The counter lives in memory and was rebuilt by replaying the store at startup.
            assertThat(api.get("/projections/counter").json().getAsJsonObject("events").get("kept").getAsInt()).isEqualTo(2);

            ApiClient.Reply next = api.command("AddNumbers",
                    "{\"aggregateId\":\"kept\",\"expectedVersion\":1,\"number1\":1,\"number2\":1}");
            assertThat(next.version()).isEqualTo(2);
            assertThat(next.state().get("sum").getAsLong()).isEqualTo(12);
            assertThat(api.get("/projections/counter").json().getAsJsonObject("events").get("kept").getAsInt()).isEqualTo(3);
        }
    }
}
