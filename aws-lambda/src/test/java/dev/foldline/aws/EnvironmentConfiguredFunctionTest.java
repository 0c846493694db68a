package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.testing.ChildProcess;
import dev.foldline.trace.Tracer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production wiring: the functions' no-argument constructors, which Lambda calls, build the
 * client, store and applications from the process environment alone. They run in a child JVM
 * whose environment is set as a Lambda function's would be, because a process cannot change its
 * own environment.
 */
@ExtendWith(LocalDynamoDb.class)
class EnvironmentConfiguredFunctionTest {

    private static String table;

    @BeforeAll
    static void createTable() {
        table = LocalDynamoDb.newTable(LocalDynamoDb.client());
    }

    private static Map<String, String> env() {
        return Map.of("FOLDLINE_TABLE", table, "AWS_REGION", "us-east-1",
                "FOLDLINE_DYNAMODB_ENDPOINT", LocalDynamoDb.endpoint().toString(),
                "FOLDLINE_SETTLE_SECONDS", "120", "FOLDLINE_TENANT_SHARDS", "2", "FOLDLINE_LOAD_PAGE_SIZE", "7");
    }

    @Test
    void the_store_settings_and_the_applications_come_from_the_environment() {
        AwsRuntime runtime = AwsRuntime.fromEnvironment(env());

        assertThat(runtime.applications().registry().byName("numbers").name()).isEqualTo("numbers");
        assertThat(runtime.applications().handlers()).extracting(h -> h.name()).contains(ExamplesApplication.COUNTER);
        DynamoDbStoreOptions options = ((DynamoDbEventStore) runtime.store()).options();
        assertThat(options.tableName()).isEqualTo(table);
        assertThat(options.settleWindow()).hasSeconds(120);
        assertThat(options.tenantShards()).isEqualTo(2);
        assertThat(options.loadPageSize()).isEqualTo(7);
        assertThat(runtime.tracer()).isSameAs(Tracer.NOOP);
    }

    @Test
    void with_the_examples_off_and_no_application_listed_the_function_refuses_to_start() {
        Map<String, String> examplesOff = new HashMap<>(env());
        examplesOff.put("FOLDLINE_EXAMPLES", "off");
        assertThatThrownBy(() -> AwsRuntime.fromEnvironment(examplesOff))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no application registers an aggregate type");
    }

    @Test
    void without_a_table_name_the_function_refuses_to_start() {
        assertThatThrownBy(() -> AwsRuntime.fromEnvironment(Map.of("AWS_REGION", "us-east-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FOLDLINE_TABLE");
    }

    @Test
    void the_no_argument_constructors_serve_requests_on_the_configured_table_and_trace_when_asked() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), AsLambdaDoes.class.getName());
        builder.environment().putAll(env());
        builder.environment().putAll(Map.of("FOLDLINE_TRACE", "on",
                // What Lambda puts in every function's environment; DynamoDB Local accepts any key.
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "AWS_SESSION_TOKEN", "local"));
        ChildProcess lambda = ChildProcess.run(builder, Duration.ofSeconds(60));

        assertThat(lambda.exitCode()).as(lambda.output()).isZero();
        assertThat(lambda.output()).contains("command: 200", "stream: []", "sweep: {applied=0, stillParked=0, failures=[]}")
                .containsPattern("COMMAND tenant1 tenant1/numbers/calc-1 AddNumbers [0-9.]+ ms")
                // the AWS SDK logs through slf4j: with its binding shipped, no "no provider" warning at start
                .doesNotContain("SLF4J:");
        // Envelopes are mapped by hand so that a command never loads the enhanced client (only
        // checkpoints use it): ~250 classes off every cold start. (The jar registers one interceptor
        // for every DynamoDB client, so that one loads anyway.)
        String untilTheCommandAnswered = lambda.output().substring(0, lambda.output().indexOf("command: 200"));
        assertThat(untilTheCommandAnswered).contains("dev.foldline.aws.CommandFunction")
                .doesNotContain("software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient",
                        "software.amazon.awssdk.enhanced.dynamodb.mapper.");
        assertThat(lambda.output()).contains("software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema");
        DynamoDbEventStore store = new DynamoDbEventStore(LocalDynamoDb.client(), DynamoDbStoreOptions.defaults(table));
        List<Envelope> written = store.read(new StreamId("tenant1", "numbers", "calc-1"), 0, 0);
        assertThat(written).singleElement().satisfies(envelope -> {
            assertThat(envelope.actor().id()).isEqualTo("user1");
            assertThat(envelope.command()).isEqualTo("AddNumbers");
        });
    }

    /** What Lambda does in a fresh container: the no-argument constructor, then a request. */
    public static final class AsLambdaDoes {
        public static void main(String[] args) {
            System.out.println("command: " + new CommandFunction()
                    .handleRequest(EventLoader.loadApiGatewayHttpEvent("events/http-add-numbers.json"), null)
                    .getStatusCode());
            DynamodbEvent nothing = new DynamodbEvent();
            nothing.setRecords(List.of());
            System.out.println("stream: " + new StreamFunction().handleRequest(nothing, null).getBatchItemFailures());
            System.out.println("sweep: " + new ParkedRetryFunction().handleRequest(new ScheduledEvent(), null));
        }
    }
}
