package dev.foldline.azure;

import dev.foldline.azure.cosmos.CosmosContainers;
import dev.foldline.azure.cosmos.CosmosEventStore;
import dev.foldline.azure.cosmos.CosmosStoreOptions;
import dev.foldline.app.FunctionSettings;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.store.contract.RebuildCommandScenario;
import dev.foldline.trace.Tracer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator's rebuild command on the Cosmos imitation, with the functions' runtime. */
@ExtendWith(CosmosImitation.class)
class RebuildMainTest {

    /** The live feed is not running here: nothing to wait for before the reset. */
    private static final Map<String, String> NO_GRACE = Map.of(FunctionSettings.REBUILD_GRACE, "0");

    private static AzureRuntime runtime(ExamplesApplication examples) {
        CosmosStoreOptions options = CosmosStoreOptions.defaults("rebuild-" + UUID.randomUUID());
        CosmosContainers.createIfMissing(CosmosImitation.client(), options);
        return AzureRuntime.of(new CosmosEventStore(CosmosImitation.client(), options, Tracer.NOOP),
                List.of(examples), NO_GRACE);
    }

    @Test
    void the_command_rebuilds_the_counter_to_what_the_change_feed_function_counted() {
        ExamplesApplication examples = new ExamplesApplication();
        AzureRuntime runtime = runtime(examples);

        RebuildCommandScenario.rebuildsTheCounter(runtime.store(), examples, runtime.projectionScope(),
                (args, out) -> RebuildMain.run(args, runtime, out));
    }

    @Test
    void bad_arguments_print_the_usage() {
        AzureRuntime runtime = runtime(new ExamplesApplication());

        RebuildCommandScenario.refusesBadArguments((args, out) -> RebuildMain.run(args, runtime, out));
    }
}
