package dev.foldline.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.azure.cosmos.CosmosClients;
import dev.foldline.http.contract.Caller;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The functions as the host builds them: everything from the app settings. */
@ExtendWith(CosmosImitation.class)
class AzureRuntimeTest {

    private static Map<String, String> settings(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put(CosmosClients.CONNECTION, "AccountEndpoint=" + CosmosImitation.endpoint() + ";AccountKey=" + CosmosImitation.KEY + ";");
        env.put("FOLDLINE_COSMOS_DATABASE", "settings-" + UUID.randomUUID());
        env.put(AzureRuntime.CREATE_CONTAINERS, "true");
        env.put(CommandFunction.AUTH_ENABLED, "True");
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static int addNumbers(CommandFunction function) {
        String principal = FunctionsClient.principal(new Caller("tenant-a", "user-1", Set.of("user")));
        return function.run(FakeFunctions.request("POST", "/commands/AddNumbers",
                        Map.of("Content-Type", "application/json", ClientPrincipal.HEADER, principal),
                        "{\"number1\":1,\"number2\":2}".getBytes(StandardCharsets.UTF_8)), FakeFunctions.context("http"))
                .getStatusCode();
    }

    @Test
    void the_settings_give_a_store_with_its_containers_and_the_example_application() {
        AzureRuntime runtime = AzureRuntime.fromEnvironment(settings());

        assertThat(addNumbers(new CommandFunction(runtime))).isEqualTo(200);
        assertThat(runtime.projectionScope()).isEqualTo(AzureRuntime.DEFAULT_SCOPE);
    }

    @Test
    void without_the_examples_and_without_an_application_of_ones_own_the_host_does_not_start() {
        assertThatThrownBy(() -> AzureRuntime.fromEnvironment(settings("FOLDLINE_EXAMPLES", "off")))
                .hasMessageContaining("META-INF/services/dev.foldline.app.Application");
    }

    @Test
    void the_projection_scope_is_a_setting() {
        assertThat(AzureRuntime.fromEnvironment(settings("FOLDLINE_PROJECTION_SCOPE", "mine")).projectionScope()).isEqualTo("mine");
    }

    @Test
    void a_missing_or_wrong_setting_is_named() {
        Map<String, String> noConnection = settings();
        noConnection.remove(CosmosClients.CONNECTION);
        Map<String, String> noDatabase = settings();
        noDatabase.remove("FOLDLINE_COSMOS_DATABASE");

        assertThatThrownBy(() -> AzureRuntime.fromEnvironment(noConnection)).hasMessageContaining(CosmosClients.CONNECTION);
        assertThatThrownBy(() -> AzureRuntime.fromEnvironment(noDatabase)).hasMessageContaining("FOLDLINE_COSMOS_DATABASE");
        assertThatThrownBy(() -> AzureRuntime.fromEnvironment(settings(CosmosClients.MODE, "carrier-pigeon")))
                .hasMessageContaining(CosmosClients.MODE);
    }
}
