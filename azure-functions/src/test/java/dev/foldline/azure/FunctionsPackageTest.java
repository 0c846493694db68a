package dev.foldline.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.foldline.azure.cosmos.CosmosClients;
import dev.foldline.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The function app as azure-functions-maven-plugin staged it during {@code package}: one
 * function.json per function with the bindings the Functions host reads, and the root host.json.
 * Runs after {@code package} (integration-test phase).
 */
class FunctionsPackageTest {

    private static final Path APP = Path.of("target", "azure-functions", System.getProperty("functionAppName", "foldline"));

    private static JsonObject read(String file) throws IOException {
        return Json.parseObject(Files.readString(APP.resolve(file)));
    }

    private static JsonObject binding(JsonObject function, String type) {
        for (JsonElement binding : function.getAsJsonArray("bindings")) {
            if (binding.getAsJsonObject().get("type").getAsString().equals(type)) {
                return binding.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + type + " binding in " + function);
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }

    @Test
    void the_http_function_serves_every_route_and_method_anonymously_behind_app_service_authentication() throws IOException {
        JsonObject http = read("http/function.json");
        JsonObject trigger = binding(http, "httpTrigger");

        assertThat(http.get("entryPoint").getAsString()).isEqualTo(CommandFunction.class.getName() + ".run");
        assertThat(trigger.get("route").getAsString()).isEqualTo("{*path}");
        assertThat(strings(trigger.getAsJsonArray("methods"))).contains("GET", "POST");
        assertThat(trigger.get("authLevel").getAsString()).isEqualToIgnoringCase("anonymous");
        assertThat(trigger.get("dataType").getAsString()).isEqualTo("binary");
        assertThat(binding(http, "http").get("name").getAsString()).isEqualTo("$return");
    }

    @Test
    void the_change_feed_function_reads_the_events_container_with_leases_from_the_app_settings() throws IOException {
        JsonObject projections = read("projections/function.json");
        JsonObject trigger = binding(projections, "cosmosDBTrigger");

        assertThat(projections.get("entryPoint").getAsString()).isEqualTo(ChangeFeedFunction.class.getName() + ".run");
        assertThat(trigger.get("direction").getAsString()).isEqualTo("in");
        assertThat(trigger.get("connection").getAsString()).isEqualTo(CosmosClients.CONNECTION);
        assertThat(trigger.get("databaseName").getAsString()).isEqualTo("%FOLDLINE_COSMOS_DATABASE%");
        assertThat(trigger.get("containerName").getAsString()).isEqualTo("%FOLDLINE_COSMOS_EVENTS%");
        assertThat(trigger.get("leaseContainerName").getAsString()).isEqualTo("%FOLDLINE_COSMOS_LEASES%");
    }

    @Test
    void the_warmup_function_is_the_apps_one_warmup_trigger() throws IOException {
        JsonObject warmup = read("warmup/function.json");

        assertThat(warmup.get("entryPoint").getAsString()).isEqualTo(CommandFunction.class.getName() + ".warmup");
        assertThat(binding(warmup, "warmupTrigger").get("direction").getAsString()).isEqualTo("in");
    }

    @Test
    void the_parked_retry_sweep_runs_every_five_minutes() throws IOException {
        JsonObject timer = binding(read("parked-retry/function.json"), "timerTrigger");

        assertThat(timer.get("schedule").getAsString()).isEqualTo("0 */5 * * * *");
    }

    @Test
    void host_json_is_the_repositorys_with_the_bundle_the_route_prefix_and_the_trigger_retry() throws IOException {
        JsonObject host = read("host.json");

        assertThat(Files.readString(APP.resolve("host.json"))).isEqualTo(Files.readString(Path.of("..", "host.json")));
        assertThat(host.get("version").getAsString()).isEqualTo("2.0");
        assertThat(host.getAsJsonObject("extensionBundle").get("id").getAsString())
                .isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
        assertThat(host.getAsJsonObject("extensions").getAsJsonObject("http").get("routePrefix").getAsString()).isEmpty();
        JsonObject retry = host.getAsJsonObject("retry");
        assertThat(retry.get("strategy").getAsString()).isEqualTo("exponentialBackoff");
        assertThat(retry.get("maxRetryCount").getAsInt()).isPositive();
    }

    @Test
    void the_package_holds_the_function_jar_and_its_dependencies_but_no_test_libraries() throws IOException {
        try (var files = Files.list(APP.resolve("lib"))) {
            List<String> lib = files.map(p -> p.getFileName().toString()).toList();
            assertThat(lib).anyMatch(name -> name.startsWith("azure-cosmos-"))
                    .anyMatch(name -> name.startsWith("shared-core-"))
                    .noneMatch(name -> name.startsWith("junit") || name.startsWith("assertj"));
        }
        try (var files = Files.list(APP)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("azure-functions-") && name.endsWith(".jar"));
        }
    }

    @Test
    void the_package_ships_natives_for_linux_x86_64_only_one_http_client_and_stays_under_20_mib() throws IOException {
        List<Path> lib;
        try (var files = Files.list(APP.resolve("lib"))) {
            lib = files.toList();
        }
        List<String> names = lib.stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).as("natives for other platforms (see the exclusions in pom.xml)")
                .noneMatch(name -> name.matches(".*(osx|windows|aarch_64|kqueue|macos).*"));
        assertThat(names).filteredOn(name -> name.startsWith("netty-tcnative-boringssl-static-"))
                .singleElement().asString().endsWith("-linux-x86_64.jar");
        assertThat(names).as("the SDK's one HTTP client is reactor-netty; no second one")
                .noneMatch(name -> name.matches("(httpclient|httpcore|okhttp|jetty-client|azure-core-http-(okhttp|jdk)).*"));
        long bytes = 0;
        for (Path jar : lib) {
            bytes += Files.size(jar);
        }
        assertThat(bytes).as("lib/ in bytes").isLessThan(20L * 1024 * 1024);
    }
}
