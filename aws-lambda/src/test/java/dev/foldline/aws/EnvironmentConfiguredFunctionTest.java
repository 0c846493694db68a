package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.examples.ExamplesApplication;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production wiring: clients and store from environment variables only, the application found
 * through ServiceLoader, as the functions' no-argument constructors do in Lambda.
 */
@ExtendWith(LocalDynamoDb.class)
class EnvironmentConfiguredFunctionTest {

    private static String table;

    @BeforeAll
    static void setUp() {
        table = LocalDynamoDb.newTable(LocalDynamoDb.client());
        // The default credentials chain reads these system properties (DynamoDB Local accepts any key).
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    @AfterAll
    static void tearDown() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static Map<String, String> env() {
        return Map.of("FOLDLINE_TABLE", table, "AWS_REGION", "us-east-1",
                "FOLDLINE_DYNAMODB_ENDPOINT", LocalDynamoDb.endpoint().toString(),
                "FOLDLINE_SETTLE_SECONDS", "120", "FOLDLINE_TENANT_SHARDS", "2");
    }

    @Test
    void the_runtime_is_built_from_the_environment_and_discovers_the_example_application() {
        AwsRuntime runtime = AwsRuntime.fromEnvironment(env());

        assertThat(runtime.applications().registry().byName("numbers")).isNotNull();
        assertThat(runtime.applications().handlers()).extracting(h -> h.name()).contains(ExamplesApplication.COUNTER);
        DynamoDbEventStore store = (DynamoDbEventStore) runtime.store();
        assertThat(store.options().tableName()).isEqualTo(table);
        assertThat(store.options().settleWindow()).hasSeconds(120);
        assertThat(store.options().tenantShards()).isEqualTo(2);

        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/http-add-numbers.json");
        assertThat(new CommandFunction(runtime).handleRequest(event, null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void without_a_table_name_the_function_refuses_to_start() {
        assertThatThrownBy(() -> AwsRuntime.fromEnvironment(Map.of("AWS_REGION", "us-east-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FOLDLINE_TABLE");
    }
}
