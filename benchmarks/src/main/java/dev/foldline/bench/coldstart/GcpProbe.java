package dev.foldline.bench.coldstart;

import com.google.cloud.firestore.Firestore;
import dev.foldline.gcp.HttpApiFunction;
import dev.foldline.gcp.firestore.FirestoreClients;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * One cold start on Google Cloud, run on the deployable jar and the Functions Framework API:
 * {@code function} builds the HTTP function from the environment as the framework does (its
 * priming included) and serves one request carrying API Gateway's userinfo header; {@code bare}
 * builds the Firestore client the same way ({@link FirestoreClients}) and creates one document.
 */
public final class GcpProbe {

    private GcpProbe() {
    }

    public static void main(String[] args) throws Exception {
        Probe probe = Probe.start("gcp", args);
        if (probe.function()) {
            HttpApiFunction function = new HttpApiFunction();
            probe.built();
            String userinfo = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"tenant\":\"" + Probe.TENANT + "\",\"sub\":\"probe\"}").getBytes(StandardCharsets.UTF_8));
            FunctionsFrameworkExchange exchange = new FunctionsFrameworkExchange("POST", Probe.COMMAND_PATH,
                    Map.of("Content-Type", "application/json", "X-Apigateway-Api-Userinfo", userinfo),
                    Probe.COMMAND_BODY.getBytes(StandardCharsets.UTF_8));
            function.service(exchange.request(), exchange.response());
            probe.answered(exchange.status());
        } else {
            Firestore db = FirestoreClients.fromEnvironment(System.getenv());
            probe.built();
            db.collection("bare").document(UUID.randomUUID().toString()).create(Map.of("body", Probe.COMMAND_BODY)).get();
            probe.answered(200);
        }
    }
}
