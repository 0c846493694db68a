package dev.foldline.aws;

import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.app.FunctionSettings;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.store.contract.RebuildCommandScenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator's rebuild command on DynamoDB Local, with the functions' runtime. */
@ExtendWith(LocalDynamoDb.class)
class RebuildMainTest {

    /** The live feed is not running here: nothing to wait for before the reset. */
    private static final Map<String, String> NO_GRACE = Map.of(FunctionSettings.REBUILD_GRACE, "0");

    @Test
    void the_command_rebuilds_the_counter_to_what_the_stream_function_counted() {
        var client = LocalDynamoDb.client();
        DynamoDbEventStore store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(LocalDynamoDb.newTable(client)));
        ExamplesApplication examples = new ExamplesApplication();
        AwsRuntime runtime = AwsRuntime.of(store, List.of(examples), NO_GRACE);

        RebuildCommandScenario.rebuildsTheCounter(store, examples, runtime.projectionScope(),
                (args, out) -> RebuildMain.run(args, runtime, out));
    }

    @Test
    void bad_arguments_print_the_usage() {
        var client = LocalDynamoDb.client();
        DynamoDbEventStore store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(LocalDynamoDb.newTable(client)));
        AwsRuntime runtime = AwsRuntime.of(store, List.of(new ExamplesApplication()), NO_GRACE);

        RebuildCommandScenario.refusesBadArguments((args, out) -> RebuildMain.run(args, runtime, out));
    }
}
