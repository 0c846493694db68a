package dev.foldline.bench.sbs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Foldline and the original @rotorsoft/event-store side by side on ONE DynamoDB Local (its own
 * JVM, see {@link DynamoDbLocalProcess}): for each round and client count, each side runs in a
 * fresh process ({@link FoldlineDriver}, {@code benchmarks/original/driver.js}) with the same
 * warm-up and workload, on fresh tables; which side goes first alternates from one measurement to
 * the next. Prints every run's figures and then the medians and ratios as name=value lines, and
 * writes a Markdown report when given a file. Run through {@code scripts/bench}.
 */
public final class SideBySide {

    private SideBySide() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(SideBySideConfig.from(System.getProperties(), args));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private static void run(SideBySideConfig config) throws Exception {
        Path installed = config.originalFolder().resolve("node_modules/@rotorsoft/event-store/package.json");
        if (!Files.exists(installed)) {
            throw new IllegalStateException("the original package is not installed in " + config.originalFolder()
                    + ": run `npm ci` there (scripts/bench does)");
        }
        Path log = Path.of("benchmarks/target/sbs-dynamodb-local.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<Measurement> measurements = new ArrayList<>();
        try (DynamoDbLocalProcess server = DynamoDbLocalProcess.start(log)) {
            int measurement = 0;
            for (int round = 1; round <= config.rounds(); round++) {
                for (int clients : config.clients()) {
                    List<Side> order = measurement++ % 2 == 0
                            ? List.of(Side.FOLDLINE, Side.ORIGINAL) : List.of(Side.ORIGINAL, Side.FOLDLINE);
                    for (Side side : order) {
                        measurements.add(measure(config, server, round, clients, side));
                    }
                }
            }
        }
        SideBySideReport report = new SideBySideReport(measurements);
        System.out.print(report.lines());
        if (config.output().isPresent()) {
            Path file = config.output().get().toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, header(config) + report.markdown());
            System.err.println("Markdown written to " + file);
        }
    }

    private static Measurement measure(SideBySideConfig config, DynamoDbLocalProcess server, int round, int clients,
                                       Side side) {
        String runId = String.format(Locale.ROOT, "r%dc%d%s", round, clients, side.label());
        long started = System.nanoTime();
        Figures figures = side.run(config, server.endpoint(), server.pid(), clients, runId);
        System.err.printf(Locale.ROOT, "side-by-side round %d, %d clients, %s: %.1f s%n", round, clients,
                side.label(), (System.nanoTime() - started) / 1e9);
        figures.values().forEach((name, value) -> System.out.printf(Locale.ROOT, "sbs.round%d.clients%d.%s.%s=%s%n",
                round, clients, side.label(), name, value));
        return new Measurement(round, clients, side, figures);
    }

    private static String header(SideBySideConfig config) {
        return String.format(Locale.ROOT, "# Foldline and the original @rotorsoft/event-store, side by side%n%n"
                        + "Run %s on %d cores, Java %s, DynamoDB Local 2.6.1 in its own JVM; rounds=%d, clients=%s, "
                        + "warm-up=%d and commands=%d per run, Foldline's JVM flags: %s. Figures are medians over the rounds; "
                        + "ratios are medians of each round's own ratio (both sides of a round run back to back).%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), config.rounds(), config.clients(), config.warmup(),
                config.commands(), String.join(" ", config.jvmFlags()));
    }
}
