package dev.foldline.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One cold start, for {@code scripts/bench-cold-start}: in a fresh JVM, build a DynamoDB client on
 * the named HTTP client and send one request; prints the milliseconds to the client and to the
 * answer, from the JVM's start.
 */
public final class ColdStart {

    public static void main(String[] args) {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        SdkHttpClient http = switch (args[0]) {
            case "url" -> UrlConnectionHttpClient.create();
            case "apache" -> ApacheHttpClient.create();
            case "apache5" -> Apache5HttpClient.create();
            default -> throw new IllegalArgumentException("url, apache or apache5");
        };
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(args[1]))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(http)
                .build();
        long built = System.currentTimeMillis();
        client.listTables();
        long answered = System.currentTimeMillis();
        System.out.println("client=" + args[0] + " built_ms=" + (built - jvmStart) + " first_answer_ms=" + (answered - jvmStart));
    }
}
