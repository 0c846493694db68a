package dev.foldline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every scenario on every configured store and prints the results as a table, and as
 * Markdown to a file when one is given. Run through {@code scripts/bench}; see benchmarks/README.md.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * Exits explicitly, also on failure: DynamoDB Local 2.6.1 leaves a non-daemon stream job
     * (ShardRolloverJobScheduler) sleeping after {@code stop()}, which would keep the JVM alive
     * for minutes after everything is closed.
     */
    public static void main(String[] args) {
        int status = 0;
        try {
            runAndReport(BenchConfig.from(System.getProperties(), args));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private static void runAndReport(BenchConfig config) throws Exception {
        List<ScenarioResult> results = run(config);
        ResultTable table = new ResultTable(results);
        System.out.println();
        System.out.print(table.text());
        System.out.println();
        System.out.print(ResultLines.of(results));
        if (config.output().isPresent()) {
            Path file = config.output().get().toAbsolutePath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, report(config, table));
            System.out.println("\nMarkdown written to " + file);
        }
    }

    /** Each store is opened fresh, runs all scenarios in order, and is closed (DynamoDB Local stopped). */
    public static List<ScenarioResult> run(BenchConfig config) throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        Harness harness = new Harness(config.threads());
        for (String storeName : config.stores()) {
            try (StoreUnderTest store = StoreUnderTest.open(storeName)) {
                for (Scenario scenario : Scenario.values()) {
                    long started = System.nanoTime();
                    ScenarioResult result = harness.run(store, scenario, config.warmup(), config.commands());
                    System.err.printf("%s %s: %.1f s%n", store.name(), scenario.label(),
                            (System.nanoTime() - started) / 1e9);
                    results.add(result);
                }
            }
        }
        return results;
    }

    private static String report(BenchConfig config, ResultTable table) {
        StringBuilder out = new StringBuilder();
        out.append("# Foldline command-path benchmark\n\n");
        out.append(String.format("Run %s on %d cores, Java %s (%s), %s %s.%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch")));
        out.append(String.format("bench.commands=%d, bench.warmup=%d, bench.threads=%d, bench.stores=%s%n%n",
                config.commands(), config.warmup(), config.threads(), String.join(",", config.stores())));
        out.append(table.markdown());
        out.append("\nScenarios:\n\n");
        for (Scenario scenario : Scenario.values()) {
            out.append("- **").append(scenario.label()).append("**: ").append(scenario.description()).append('\n');
        }
        return out.toString();
    }
}
