package dev.foldline.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.foldline.aws.AwsRuntime;
import dev.foldline.aws.CommandFunction;
import dev.foldline.aws.dynamodb.DynamoDbClients;
import dev.foldline.aws.dynamodb.StoreItem;
import dev.foldline.aws.lambdaruntime.Core;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The first call after a SnapStart restore, approximated in one fresh JVM, with DynamoDB behind a
 * {@link ConnectionDroppingProxy}. The JVM is started as Lambda's Java runtime starts it for hooks
 * ({@code -Dorg.crac.Core.Compat} naming a runtime context: here aws-lambda's test stand-in for
 * Lambda's), and goes through what the runtime does: the init; the checkpoint (the context's
 * {@code beforeCheckpoint}, then a full GC, as Lambda's runtime does); no connection survives a
 * restore: in mode {@code dropped} each is closed cleanly, in mode {@code reset} each looks open
 * until it is used and is then reset (see {@link ConnectionDroppingProxy}), in mode {@code kept}
 * they stay alive (the control); {@link #SNAPSHOT_AGE}
 * of idleness; the restore (the context's {@code afterRestore}, timed); then the first call right
 * away, as a restore is triggered by the invocation it serves, then {@value #WARM_CALLS} more,
 * whose median is the warm figure. Each call's wall time and the calling thread's CPU time are
 * taken (the CPU time leaves out the wait for DynamoDB and the VM's scheduling). The subjects:
 * <ul>
 *   <li>{@code function}: {@link CommandFunction} built as a {@code snap-start} init (it primes and
 *       registers its restore hook), one command a call;</li>
 *   <li>{@code unhooked}: the same, restored by a runtime that calls no hook (the function before it
 *       had one);</li>
 *   <li>{@code bare}: the floor, the DynamoDB client the function ships ({@link DynamoDbClients}),
 *       {@value #BARE_WARMUP} conditional PutItems at init, no hook, one PutItem a call;</li>
 *   <li>{@code bare-primed}: the same with a hook that sends one PutItem after the restore;</li>
 *   <li>{@code priming-hooked}: {@code function} with its hook swapped for one that runs the store's
 *       whole priming ({@code EventStore.prime}: a Query and a refused PutItem), as the first version
 *       of the hook did;</li>
 *   <li>{@code warmed}: the ceiling of priming, {@code function} after {@value #WARMED_COMMANDS} real
 *       commands at init (each writes: no function may prime this way).</li>
 * </ul>
 * What it cannot show: Lambda's own restore work, a JIT state restored from a snapshot rather than
 * kept in memory, how a restored socket fails (here the relay closes it cleanly). Prints one line
 * of {@code name=value} pairs.
 *
 * <pre>java -Dorg.crac.Core.Compat=dev.foldline.aws.lambdaruntime ... RestoreProbe SUBJECT dropped|reset|kept
 * (environment: what the template sets, and FOLDLINE_DYNAMODB_ENDPOINT)</pre>
 */
public final class RestoreProbe {

    /** What becomes of the snapshot's connections: closed cleanly, reset when next used, or kept alive. */
    static final List<String> MODES = List.of("dropped", "reset", "kept");
    static final int WARM_CALLS = 200;
    static final int BARE_WARMUP = 100;
    /** Commands the {@code warmed} subject commits at init: enough for the JIT to compile their path. */
    static final int WARMED_COMMANDS = 200;
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    /** The probe's own hook ({@code bare-primed}, {@code priming-hooked}), kept reachable: runtimes hold hooks weakly. */
    private static Resource probeHook;

    /**
     * A restore comes long after its snapshot, so the first call always finds pooled connections
     * idle past the HTTP client's inactivity check (2 s in apache5), which tests them before use:
     * the probe lets that much time pass in every mode, so the modes differ only in what became of
     * the connections.
     */
    static final Duration SNAPSHOT_AGE = Duration.ofSeconds(3);

    /** One timed call; throws unless it succeeded, so a failure never passes for a fast call. */
    private interface Call {
        void run();
    }

    private RestoreProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !Subject.names().contains(args[0]) || !MODES.contains(args[1])) {
            throw new IllegalArgumentException("usage: RestoreProbe " + Subject.names() + " " + MODES);
        }
        Subject subject = Subject.of(args[0]);
        String mode = args[1];
        Map<String, String> env = new HashMap<>(System.getenv());
        try (ConnectionDroppingProxy proxy = ConnectionDroppingProxy.to(URI.create(env.get("FOLDLINE_DYNAMODB_ENDPOINT")))) {
            env.put("FOLDLINE_DYNAMODB_ENDPOINT", proxy.endpoint().toString());
            long started = System.nanoTime();
            Call call = subject.init(env);
            long initNanos = System.nanoTime() - started;

            Core.getGlobalContext().beforeCheckpoint(null);
            System.gc();
            if (mode.equals("dropped")) {
                proxy.dropAll();
            } else if (mode.equals("reset")) {
                proxy.forgetAll();
            }
            Thread.sleep(SNAPSHOT_AGE.toMillis());

            int connectionsBefore = proxy.accepted();
            started = System.nanoTime();
            if (subject.hooked()) {
                Core.getGlobalContext().afterRestore(null);
            }
            long restoreNanos = System.nanoTime() - started;
            int openedByRestore = proxy.accepted() - connectionsBefore;

            long classesBefore = CLASSES.getTotalLoadedClassCount();
            long cpuBefore = THREAD.getCurrentThreadCpuTime();
            long firstNanos = timed(call);
            long firstCpuNanos = THREAD.getCurrentThreadCpuTime() - cpuBefore;
            long classesLoaded = CLASSES.getTotalLoadedClassCount() - classesBefore;
            int openedByFirst = proxy.accepted() - connectionsBefore - openedByRestore;
            long[] warm = new long[WARM_CALLS];
            long[] warmCpu = new long[WARM_CALLS];
            for (int i = 0; i < warm.length; i++) {
                long cpu = THREAD.getCurrentThreadCpuTime();
                warm[i] = timed(call);
                warmCpu[i] = THREAD.getCurrentThreadCpuTime() - cpu;
            }
            Arrays.sort(warm);
            Arrays.sort(warmCpu);
            double warmCpuMedian = warmCpu[warmCpu.length / 2] / 1e6;
            double warmMedian = warm[warm.length / 2] / 1e6;
            System.out.printf(Locale.ROOT, "subject=%s mode=%s init_ms=%.1f restore_hooks_ms=%.2f first_ms=%.2f "
                            + "warm_p50_ms=%.2f first_over_warm=%.2f hooks_and_first_over_warm=%.2f "
                            + "first_cpu_ms=%.2f warm_cpu_p50_ms=%.2f first_cpu_over_warm=%.2f "
                            + "connections_opened_by_restore=%d connections_opened_by_first=%d classes_loaded_by_first=%d%n",
                    subject.name, mode, initNanos / 1e6, restoreNanos / 1e6, firstNanos / 1e6, warmMedian,
                    firstNanos / 1e6 / warmMedian, (restoreNanos + firstNanos) / 1e6 / warmMedian,
                    firstCpuNanos / 1e6, warmCpuMedian, firstCpuNanos / 1e6 / warmCpuMedian, openedByRestore,
                    openedByFirst, classesLoaded);
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static long timed(Call call) {
        long started = System.nanoTime();
        call.run();
        return System.nanoTime() - started;
    }

    /** What is built at init and called after the restore. */
    private enum Subject {
        FUNCTION("function", true), UNHOOKED("unhooked", false), BARE("bare", false), BARE_PRIMED("bare-primed", true),
        PRIMING_HOOKED("priming-hooked", true), WARMED("warmed", true);

        private final String name;
        private final boolean hooked;

        Subject(String name, boolean hooked) {
            this.name = name;
            this.hooked = hooked;
        }

        static List<String> names() {
            return Arrays.stream(values()).map(subject -> subject.name).toList();
        }

        static Subject of(String name) {
            return Arrays.stream(values()).filter(subject -> subject.name.equals(name)).findFirst().orElseThrow();
        }

        boolean hooked() {
            return hooked;
        }

        Call init(Map<String, String> env) {
            return this == BARE || this == BARE_PRIMED ? bare(env) : function(env);
        }

        private Call function(Map<String, String> env) {
            AwsRuntime runtime = AwsRuntime.fromEnvironment(env);
            CommandFunction function = new CommandFunction(runtime);
            if (this == PRIMING_HOOKED) {
                // The function's hook swapped for the init's whole store priming: a read and a refused put.
                Core.getGlobalContext().reset();
                register(runtime.store()::prime);
            }
            // Built before the timing: Lambda's runtime, not the function, turns the request into an event.
            APIGatewayV2HTTPEvent command = AwsProbe.command();
            if (this == WARMED) {
                for (int i = 0; i < WARMED_COMMANDS; i++) {
                    succeeded(function.handleRequest(command, null).getStatusCode());
                }
            }
            return () -> succeeded(function.handleRequest(command, null).getStatusCode());
        }

        private Call bare(Map<String, String> env) {
            DynamoDbClient client = DynamoDbClients.fromEnvironment(env);
            String table = env.get("FOLDLINE_TABLE");
            Call put = () -> client.putItem(request -> request.tableName(table)
                    .item(Map.of(StoreItem.PK, AttributeValue.fromS("bare#" + UUID.randomUUID()),
                            StoreItem.SK, AttributeValue.fromS("0"),
                            "body", AttributeValue.fromS(Probe.COMMAND_BODY)))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", StoreItem.PK)));
            for (int i = 0; i < BARE_WARMUP; i++) {
                put.run();
            }
            if (this == BARE_PRIMED) {
                register(put::run);
            }
            return put;
        }

        /** Registers a hook of the probe's own through org.crac, as a function would. */
        private static void register(Runnable afterRestore) {
            probeHook = new Resource() {
                @Override
                public void beforeCheckpoint(Context<? extends Resource> context) {
                }

                @Override
                public void afterRestore(Context<? extends Resource> context) {
                    afterRestore.run();
                }
            };
            org.crac.Core.getGlobalContext().register(probeHook);
        }

        private static void succeeded(int status) {
            if (status / 100 != 2) {
                throw new IllegalStateException("a command was answered " + status);
            }
        }
    }
}
