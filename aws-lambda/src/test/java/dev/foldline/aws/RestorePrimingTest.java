package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.aws.lambdaruntime.Core;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.store.EventStore;
import java.lang.ref.Reference;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The command function's SnapStart runtime hook, reached the way Lambda reaches it: registered
 * through {@code org.crac}, which this module's tests point at the stand-in for Lambda's runtime
 * context ({@link dev.foldline.aws.lambdaruntime}), and called by that context's
 * {@code afterRestore}, against DynamoDB Local.
 */
@ExtendWith(LocalDynamoDb.class)
class RestorePrimingTest {

    private static final Map<String, String> SNAP_START = Map.of(CommandFunction.INITIALIZATION_TYPE, "snap-start");

    @BeforeEach
    void freshEnvironment() {
        Core.getGlobalContext().reset();
    }

    private static CommandFunction function(EventStore store, Map<String, String> env) {
        return new CommandFunction(AwsRuntime.of(store, List.of(new ExamplesApplication()), env));
    }

    private static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/" + name);
    }

    @Test
    void after_a_snapstart_restore_the_store_is_read_once_and_nothing_is_written() throws Exception {
        RequestCounter requests = new RequestCounter();
        DynamoDbClient client = LocalDynamoDb.client(requests);
        String table = LocalDynamoDb.newTable(client);
        CommandFunction function = function(new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(table)), SNAP_START);
        requests.reset();
        System.gc(); // the runtime holds hooks weakly: the function must keep its own

        Core.getGlobalContext().afterRestore(null);

        assertThat(requests.operations()).containsExactly("Query");
        assertThat(client.scan(b -> b.tableName(table)).count()).isZero();
        requests.reset();
        assertThat(function.handleRequest(event("http-add-numbers.json"), null).getStatusCode()).isEqualTo(200);
        assertThat(requests.operations()).containsExactly("Query", "PutItem");
        Reference.reachabilityFence(function);
    }

    @Test
    void no_hook_is_registered_unless_the_environment_is_a_snapstart_snapshot() {
        EventStore store = new DynamoDbEventStore(LocalDynamoDb.client(),
                DynamoDbStoreOptions.defaults(LocalDynamoDb.newTable(LocalDynamoDb.client())));
        for (String initialisation : List.of("on-demand", "provisioned-concurrency", "lambda-managed-instances")) {
            long before = Core.getGlobalContext().registrations();
            function(store, Map.of(CommandFunction.INITIALIZATION_TYPE, initialisation));
            assertThat(Core.getGlobalContext().registrations()).as(initialisation).isEqualTo(before);
        }
        long before = Core.getGlobalContext().registrations();
        function(store, Map.of());
        assertThat(Core.getGlobalContext().registrations()).as("outside Lambda").isEqualTo(before);

        function(store, SNAP_START);
        assertThat(Core.getGlobalContext().registrations()).as("snap-start").isEqualTo(before + 1);
    }

    @Test
    void a_store_that_cannot_be_reached_after_the_restore_fails_neither_the_restore_nor_the_function() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DynamoDbClient unreachable = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(Apache5HttpClient.create())
                .build();
        CommandFunction function = function(new DynamoDbEventStore(unreachable, DynamoDbStoreOptions.defaults("nowhere")),
                SNAP_START);

        assertThatCode(() -> Core.getGlobalContext().afterRestore(null)).doesNotThrowAnyException();

        APIGatewayV2HTTPEvent health = event("http-get-aggregate.json");
        health.setRawPath("/health");
        assertThat(function.handleRequest(health, null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void a_priming_that_throws_is_logged_not_rethrown() {
        RestorePriming hook = new RestorePriming(() -> {
            throw new IllegalStateException("the store refused");
        }, RestorePriming.BUDGET);

        assertThatCode(() -> hook.afterRestore(null)).doesNotThrowAnyException();
    }

    @Test
    void a_priming_that_hangs_holds_the_restore_no_longer_than_its_budget() {
        CountDownLatch storeAnswers = new CountDownLatch(1);
        CountDownLatch primingEnded = new CountDownLatch(1);
        RestorePriming hook = new RestorePriming(() -> {
            try {
                storeAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                primingEnded.countDown();
            }
        }, Duration.ofMillis(50));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> hook.afterRestore(null));

        assertThat(primingEnded.getCount()).as("the priming goes on behind the restore").isEqualTo(1);
        storeAnswers.countDown();
    }
}
