package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.examples.Numbers;
import dev.foldline.json.Payload;
import dev.foldline.local.sqlite.SqliteEventStore;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
            // The counter lives in the store, and so does its progress: the replay at startup
            // does not count the same envelopes again.
            assertThat(api.get("/projections/counter").json().getAsJsonObject("events").get("kept").getAsInt()).isEqualTo(2);

            ApiClient.Reply next = api.command("AddNumbers",
                    "{\"aggregateId\":\"kept\",\"expectedVersion\":1,\"number1\":1,\"number2\":1}");
            assertThat(next.version()).isEqualTo(2);
            assertThat(next.state().get("sum").getAsLong()).isEqualTo(12);
            assertThat(api.get("/projections/counter").json().getAsJsonObject("events").get("kept").getAsInt()).isEqualTo(3);
        }
    }

    @Test
    void the_stored_counter_catches_up_on_envelopes_it_never_projected() {
        try (LocalRuntime first = RuntimeFixture.start(dataDir)) {
            ApiClient.to(first.baseUri()).command("AddNumbers", "{\"aggregateId\":\"missed\",\"number1\":1,\"number2\":2}");
        }
        // As if the runtime had stopped between a commit and its projection.
        try (SqliteEventStore store = SqliteEventStore.openIn(dataDir)) {
            StreamId stream = new StreamId("tenant1", "numbers", "missed");
            store.append(new Envelope(stream, 1, "AddNumbers", Actor.of("tenant1", "user1"),
                    List.of(Event.of(Numbers.NUMBERS_ADDED, Payload.empty().with("number1", 3).with("number2", 4))),
                    Instant.now()), null);
        }

        try (LocalRuntime second = RuntimeFixture.start(dataDir)) {
            ApiClient api = ApiClient.to(second.baseUri());
            assertThat(api.get("/projections/counter").json().getAsJsonObject("events").get("missed").getAsInt()).isEqualTo(2);
        }
    }
}
