package dev.foldline.aws.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client the functions use: the apache5 HTTP client, the region from
 * {@code AWS_REGION}, bounded call timeouts (they also bound how late a commit can land, see the
 * settle window), and an optional {@code FOLDLINE_DYNAMODB_ENDPOINT} for DynamoDB Local.
 */
public final class DynamoDbClients {

    /** A whole call, retries included, gives up after this. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    private DynamoDbClients() {
    }

    public static DynamoDbClient fromEnvironment(Map<String, String> env) {
        return builderFromEnvironment(env).build();
    }

    /** The same client, not yet built: benchmarks add their interceptors to exactly what ships. */
    public static DynamoDbClientBuilder builderFromEnvironment(Map<String, String> env) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(API_CALL_ATTEMPT_TIMEOUT)
                        .build())
                .overrideConfiguration(c -> c.apiCallTimeout(API_CALL_TIMEOUT)
                        .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT));
        String region = env.get("AWS_REGION");
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        }
        String endpoint = env.get("FOLDLINE_DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    /**
     * A client configured as the given one (region, credentials, endpoint, timeouts) whose requests
     * never leave the process: {@link LocalAnswers} answers each as DynamoDB answers a success on
     * an empty table. Priming runs a command's success path on it.
     */
    static DynamoDbClient answeredLocally(DynamoDbClient like) {
        var config = like.serviceClientConfiguration();
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(new LocalAnswers())
                .region(config.region())
                .credentialsProvider(config.credentialsProvider())
                // Timeouts and retries as configured; the caller's interceptors and metrics never see these requests.
                .overrideConfiguration(config.overrideConfiguration().toBuilder()
                        .executionInterceptors(List.of())
                        .metricPublishers(List.of())
                        .build());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
