package dev.foldline.aws;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.foldline.aws.dynamodb.DynamoDbTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The real DynamoDB engine (DynamoDB Local 2.x) in server mode, in this JVM, on a free port, shared
 * by every test class of the run and stopped when the run ends. Clients talk to it over HTTP with
 * the same SDK and HTTP client as production, so interceptors see real requests.
 */
public final class LocalDynamoDb implements BeforeAllCallback {

    private static DynamoDBProxyServer server;
    private static URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start(context);
    }

    private static synchronized void start(ExtensionContext context) throws Exception {
        if (server != null) {
            return;
        }
        int port = freePort();
        DynamoDBProxyServer started = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
        started.start();
        server = started;
        endpoint = URI.create("http://127.0.0.1:" + port);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .put(LocalDynamoDb.class.getName(), new Stopper());
    }

    /** Stops the server when the root context closes, i.e. after the last test class. */
    private static final class Stopper implements AutoCloseable {
        @Override
        public void close() {
            synchronized (LocalDynamoDb.class) {
                if (server != null) {
                    try {
                        server.stop();
                    } catch (Exception e) {
                        throw new IllegalStateException("DynamoDB Local did not stop", e);
                    } finally {
                        server = null;
                    }
                }
            }
        }
    }

    public static URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(LocalDynamoDb.class)");
        }
        return endpoint;
    }

    public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(Apache5HttpClient.create())
                .overrideConfiguration(c -> c.executionInterceptors(List.of(interceptors)))
                .build();
    }

    public static DynamoDbStreamsClient streamsClient() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(Apache5HttpClient.create())
                .build();
    }

    /** A new table with the production layout, named uniquely so test classes never share one. */
    public static String newTable(DynamoDbClient client) {
        String name = "foldline-" + UUID.randomUUID();
        DynamoDbTables.create(client, name);
        return name;
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
