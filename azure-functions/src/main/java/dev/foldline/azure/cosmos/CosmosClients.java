package dev.foldline.azure.cosmos;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.DirectConnectionConfig;
import com.azure.cosmos.GatewayConnectionConfig;
import com.azure.cosmos.ThrottlingRetryOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one {@link CosmosClient} of a process, from its settings. The account comes from the same
 * connection string the Cosmos DB trigger uses ({@value #CONNECTION}: {@code AccountEndpoint=...;
 * AccountKey=...;}), so there is one secret to keep. {@code FOLDLINE_COSMOS_MODE} is {@code gateway}
 * (the default: HTTPS only, fewest connections from a function host) or {@code direct}.
 */
public final class CosmosClients {

    public static final String CONNECTION = "FOLDLINE_COSMOS";
    public static final String MODE = "FOLDLINE_COSMOS_MODE";
    /** How often a throttled request (429) is retried, each after the server's retry-after, before it fails. */
    public static final String THROTTLE_RETRIES = "FOLDLINE_COSMOS_THROTTLE_RETRIES";

    private CosmosClients() {
    }

    public static CosmosClient fromEnvironment(Map<String, String> env) {
        Map<String, String> connection = parse(env.get(CONNECTION));
        String endpoint = connection.get("accountendpoint");
        String key = connection.get("accountkey");
        if (endpoint == null || key == null) {
            throw new IllegalStateException(CONNECTION + " must be a Cosmos DB connection string (AccountEndpoint=...;AccountKey=...;)");
        }
        CosmosClientBuilder builder = new CosmosClientBuilder()
                .endpoint(endpoint)
                .key(key)
                .consistencyLevel(ConsistencyLevel.SESSION)
                .throttlingRetryOptions(new ThrottlingRetryOptions()
                        .setMaxRetryAttemptsOnThrottledRequests(Integer.parseInt(env.getOrDefault(THROTTLE_RETRIES, "9").trim()))
                        .setMaxRetryWaitTime(Duration.ofSeconds(30)));
        String mode = env.getOrDefault(MODE, "gateway").trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "gateway" -> builder.gatewayMode(GatewayConnectionConfig.getDefaultConfig());
            case "direct" -> builder.directMode(DirectConnectionConfig.getDefaultConfig());
            default -> throw new IllegalStateException(MODE + " must be gateway or direct, not " + mode);
        }
        return builder.buildClient();
    }

    /** The parts of a connection string, names in lower case. */
    static Map<String, String> parse(String connectionString) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (connectionString == null) {
            return parts;
        }
        for (String part : connectionString.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).trim().toLowerCase(Locale.ROOT), part.substring(equals + 1).trim());
            }
        }
        return parts;
    }
}
