package dev.foldline.bench.coldstart;

import com.azure.cosmos.CosmosClient;
import dev.foldline.azure.CommandFunction;
import dev.foldline.azure.FakeFunctions;
import dev.foldline.azure.cosmos.CosmosClients;
import dev.foldline.azure.cosmos.CosmosStoreOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * One cold start on Azure, run on the staged function app ({@code lib/} and the function jar) and
 * the module's request fakes: {@code function} builds the HTTP function from the app settings as
 * the Java worker does and hands it a request carrying App Service authentication's principal
 * (with {@value #WARMUP} set, after the warmup the platform runs on a new instance);
 * {@code bare} builds the Cosmos client the same way ({@link CosmosClients}) and creates one document.
 */
public final class AzureProbe {

    /** {@code true}: the function mode runs the platform's warmup before it counts the function as built. */
    static final String WARMUP = "probe.warmup";

    private AzureProbe() {
    }

    public static void main(String[] args) {
        Probe probe = Probe.start("azure", args);
        if (probe.function()) {
            CommandFunction function = new CommandFunction();
            if (Boolean.getBoolean(WARMUP)) {
                function.warmup(null, FakeFunctions.context("warmup"));
            }
            probe.built();
            var response = function.run(FakeFunctions.request("POST", Probe.COMMAND_PATH, Map.of(
                    "Content-Type", "application/json", "X-MS-CLIENT-PRINCIPAL", principal()),
                    Probe.COMMAND_BODY.getBytes(StandardCharsets.UTF_8)), FakeFunctions.context("http"));
            probe.answered(response.getStatusCode());
        } else {
            Map<String, String> env = System.getenv();
            CosmosClient client = CosmosClients.fromEnvironment(env);
            CosmosStoreOptions options = CosmosStoreOptions.fromEnvironment(env);
            probe.built();
            client.getDatabase(options.database()).getContainer(options.events())
                    .createItem(Map.of("id", UUID.randomUUID().toString(), "stream", "bare", "body", Probe.COMMAND_BODY));
            probe.answered(200);
        }
    }

    private static String principal() {
        String json = "{\"claims\":[{\"typ\":\"tenant\",\"val\":\"" + Probe.TENANT + "\"},{\"typ\":\"sub\",\"val\":\"probe\"}]}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
