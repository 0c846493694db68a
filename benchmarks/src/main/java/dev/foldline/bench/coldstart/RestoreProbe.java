package dev.foldline.bench.coldstart;

import dev.foldline.aws.AwsRuntime;
import dev.foldline.aws.CommandFunction;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The first command after a SnapStart restore, approximated in one fresh JVM: {@link CommandFunction}
 * is built (its priming included) with DynamoDB behind a {@link ConnectionDroppingProxy}; in mode
 * {@code dropped} every connection is then closed, as none survives a restore, in mode {@code kept}
 * they stay; after {@link #IDLE_BEFORE_FIRST} one command is timed, then {@value #WARM_COMMANDS} more, whose median is the warm
 * figure. What it cannot show: Lambda's own restore work, and a JIT state restored from a snapshot
 * rather than kept in memory. Prints one line of {@code name=value} pairs.
 *
 * <pre>java ... RestoreProbe dropped|kept   (environment: what the template sets, and FOLDLINE_DYNAMODB_ENDPOINT)</pre>
 */
public final class RestoreProbe {

    static final int WARM_COMMANDS = 200;
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    /**
     * A restore comes long after its snapshot, so the first command always finds its pooled
     * connections idle past the HTTP client's inactivity check (2 s in apache5), which tests them
     * before use: the probe lets that much time pass in both modes, so the modes differ only in
     * whether the connections are still alive.
     */
    static final Duration IDLE_BEFORE_FIRST = Duration.ofSeconds(3);

    private RestoreProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 1 ? args[0] : "";
        if (!mode.equals("dropped") && !mode.equals("kept")) {
            throw new IllegalArgumentException("usage: RestoreProbe dropped|kept");
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        try (ConnectionDroppingProxy proxy = ConnectionDroppingProxy.to(URI.create(env.get("FOLDLINE_DYNAMODB_ENDPOINT")))) {
            env.put("FOLDLINE_DYNAMODB_ENDPOINT", proxy.endpoint().toString());
            long started = System.nanoTime();
            CommandFunction function = new CommandFunction(AwsRuntime.fromEnvironment(env));
            long initNanos = System.nanoTime() - started;
            if (mode.equals("dropped")) {
                proxy.dropAll();
            }
            Thread.sleep(IDLE_BEFORE_FIRST.toMillis());
            int connectionsBefore = proxy.accepted();
            long classesBefore = CLASSES.getTotalLoadedClassCount();
            long firstNanos = timedCommand(function);
            long classesLoaded = CLASSES.getTotalLoadedClassCount() - classesBefore;
            int reconnected = proxy.accepted() - connectionsBefore;
            long[] warm = new long[WARM_COMMANDS];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = timedCommand(function);
            }
            Arrays.sort(warm);
            double warmMedian = warm[warm.length / 2] / 1e6;
            System.out.printf(Locale.ROOT, "mode=%s init_ms=%.1f first_ms=%.2f warm_p50_ms=%.2f first_over_warm=%.2f "
                            + "new_connections=%d classes_loaded_by_first=%d%n", mode, initNanos / 1e6, firstNanos / 1e6, warmMedian,
                    firstNanos / 1e6 / warmMedian, reconnected, classesLoaded);
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static long timedCommand(CommandFunction function) {
        long started = System.nanoTime();
        int status = function.handleRequest(AwsProbe.command(), null).getStatusCode();
        long elapsed = System.nanoTime() - started;
        if (status / 100 != 2) {
            throw new IllegalStateException("a command was answered " + status);
        }
        return elapsed;
    }
}
