package dev.foldline.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.azure.cosmos.CosmosClients;
import dev.foldline.http.contract.Caller;
import dev.foldline.testing.ChildProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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

    /**
     * The Java worker builds a new instance of the function class for every invocation
     * ({@code functionClass.newInstance()}), from the app settings alone. Three commands on one
     * aggregate, each on an instance of its own as the worker makes them, after the warmup the
     * platform runs on a new instance, in a child JVM whose environment is the app settings: the
     * first loads the aggregate, the next two find it in the cache the instances share (the trace
     * shows every load).
     */
    @Test
    void instances_made_per_invocation_share_the_command_handler_and_its_cache() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-DCOSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED=true",
                "-cp", System.getProperty("java.class.path"), AsTheJavaWorkerDoes.class.getName());
        builder.environment().putAll(settings("FOLDLINE_TRACE", "on"));

        ChildProcess worker = ChildProcess.run(builder, Duration.ofSeconds(90));

        assertThat(worker.exitCode()).as(worker.output()).isZero();
        assertThat(worker.output()).as(worker.output()).contains("invocation 1: 200", "invocation 2: 200", "invocation 3: 200")
                // azure-cosmos logs through slf4j: with the app's binding, no "no binding" warning at start
                .doesNotContain("SLF4J:");
        String beforeTheFirstCommand = worker.output().substring(0, worker.output().indexOf("invocation 1:"));
        assertThat(beforeTheFirstCommand).as("the warmup started the shared Cosmos client")
                .contains("Cosmos Client with (Correlation) ID", "started up", "warmed up");
        String commands = worker.output().substring(worker.output().indexOf("warmed up"));
        assertThat(count("LOAD tenant-a tenant-a/numbers/calc-1 numbers ", commands))
                .as("loads of the aggregate in%n%s", worker.output()).isEqualTo(1);
        assertThat(count(" RU=", commands)).as("Cosmos DB requests: 1 load, 3 creates").isEqualTo(4);
    }

    private static long count(String text, String in) {
        return Pattern.compile(text, Pattern.LITERAL).matcher(in).results().count();
    }

    /** What the Java worker does for each invocation: a new instance, then the call. */
    public static final class AsTheJavaWorkerDoes {
        public static void main(String[] args) throws Exception {
            String principal = FunctionsClient.principal(new Caller("tenant-a", "user-1", Set.of("user")));
            CommandFunction.class.getDeclaredConstructor().newInstance().warmup(null, FakeFunctions.context("warmup"));
            System.out.println("warmed up");
            for (int invocation = 1; invocation <= 3; invocation++) {
                CommandFunction function = CommandFunction.class.getDeclaredConstructor().newInstance();
                int status = function.run(FakeFunctions.request("POST", "/commands/AddNumbers",
                                Map.of("Content-Type", "application/json", ClientPrincipal.HEADER, principal),
                                "{\"aggregateId\":\"calc-1\",\"number1\":1,\"number2\":2}".getBytes(StandardCharsets.UTF_8)),
                        FakeFunctions.context("http")).getStatusCode();
                System.out.println("invocation " + invocation + ": " + status);
            }
        }
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
