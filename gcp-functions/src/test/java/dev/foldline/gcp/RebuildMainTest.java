package dev.foldline.gcp;

import dev.foldline.app.FunctionSettings;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.gcp.firestore.FirestoreEventStore;
import dev.foldline.gcp.firestore.FirestoreStoreOptions;
import dev.foldline.store.contract.RebuildCommandScenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator's rebuild command on the official Firestore emulator, with the functions' runtime. */
@ExtendWith(FirestoreEmulator.class)
class RebuildMainTest {

    /** The live feed is not running here: nothing to wait for before the reset. */
    private static final Map<String, String> NO_GRACE = Map.of(FunctionSettings.REBUILD_GRACE, "0");

    private static GcpRuntime runtime(ExamplesApplication examples) {
        return GcpRuntime.of(new FirestoreEventStore(FirestoreEmulator.sharedClient(), FirestoreStoreOptions.defaults()),
                List.of(examples), NO_GRACE);
    }

    @Test
    void the_command_rebuilds_the_counter_to_what_the_trigger_function_counted() {
        ExamplesApplication examples = new ExamplesApplication();
        GcpRuntime runtime = runtime(examples);

        RebuildCommandScenario.rebuildsTheCounter(runtime.store(), examples, runtime.projectionScope(),
                (args, out) -> RebuildMain.run(args, runtime, out));
    }

    @Test
    void bad_arguments_print_the_usage() {
        GcpRuntime runtime = runtime(new ExamplesApplication());

        RebuildCommandScenario.refusesBadArguments((args, out) -> RebuildMain.run(args, runtime, out));
    }
}
