package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.http.contract.ContractApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code FOLDLINE_EXAMPLES=off} leaves out the example application and nothing else. */
class ExamplesSettingTest {

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.with(dataDir -> {
        LocalConfig defaults = RuntimeFixture.config(dataDir);
        return new LocalConfig(defaults.host(), 0, dataDir, defaults.http(), defaults.identity(),
                defaults.identityDescription(), Map.of("FOLDLINE_EXAMPLES", "off"), defaults.tracer());
    });

    @Test
    void without_the_examples_their_commands_and_view_are_unknown() {
        ApiClient.Reply command = server.api().command("AddNumbers", "{\"number1\":1,\"number2\":2}");
        assertThat(command.status()).isEqualTo(404);
        assertThat(command.body()).contains("command");
        assertThat(server.api().get("/projections/counter").status()).isEqualTo(404);
    }

    @Test
    void applications_on_the_class_path_are_still_served() {
        ApiClient.Reply opened = server.api().as("tenant1", "user1", ContractApplication.ADMIN)
                .command(ContractApplication.OPEN_SAFE, "{}");
        assertThat(opened.status()).isEqualTo(200);
    }

    @Test
    void a_value_other_than_on_or_off_stops_the_start_with_its_name() {
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("FOLDLINE_EXAMPLES", "maybe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FOLDLINE_EXAMPLES");
    }
}
