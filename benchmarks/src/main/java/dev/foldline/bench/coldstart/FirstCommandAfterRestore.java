package dev.foldline.bench.coldstart;

import dev.foldline.aws.dynamodb.DynamoDbTables;
import dev.foldline.aws.lambdaruntime.Core;
import dev.foldline.bench.LocalDynamoDbServer;
import dev.foldline.bench.SdkRequestCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * For {@code scripts/bench-restore}: the first command after a SnapStart restore against a warm one
 * (issue 13: "within 2x"), approximated by {@link RestoreProbe} in a fresh JVM per run with the
 * template's JVM flags, on one DynamoDB Local. Each round runs every subject ({@code function} with
 * its restore hook, {@code unhooked}, the {@code bare} client's floor, {@code bare-primed}; see
 * {@link RestoreProbe}) in modes {@code dropped} and {@code reset} (the restore: no connection
 * survives) and {@code kept}, in an order that reverses every other round. Prints every run and the medians as name=value lines and a Markdown table.
 */
public final class FirstCommandAfterRestore {

    private static final String TABLE = "foldline-restore";
    private static final List<String> TEMPLATE_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** As Lambda's Java runtime names its CRaC context: here aws-lambda's stand-in for it. */
    private static final String RUNTIME_CONTEXT = "-Dorg.crac.Core.Compat=" + Core.class.getPackageName();
    private static final Path PROBE_LOG = Path.of(System.getProperty("java.io.tmpdir"), "foldline-restore-probe.log");

    private FirstCommandAfterRestore() {
    }

    /** Exits explicitly: DynamoDB Local leaves a non-daemon thread behind (see Benchmarks). */
    public static void main(String[] args) {
        int status = 0;
        try {
            run(Integer.getInteger("restore.rounds", 5),
                    Arrays.asList(System.getProperty("restore.subjects", "function,unhooked,bare,bare-primed").split(",")),
                    Arrays.asList(System.getProperty("restore.modes", String.join(",", RestoreProbe.MODES)).split(",")));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private static void run(int rounds, List<String> subjects, List<String> modes) throws Exception {
        List<String[]> probes = new ArrayList<>();
        for (String subject : subjects) {
            for (String mode : modes) {
                probes.add(new String[] {subject, mode});
            }
        }
        Map<String, List<Map<String, Double>>> byProbe = new LinkedHashMap<>();
        try (LocalDynamoDbServer dynamo = LocalDynamoDbServer.start()) {
            try (DynamoDbClient client = dynamo.client(new SdkRequestCounter())) {
                DynamoDbTables.create(client, TABLE);
            }
            for (int round = 1; round <= rounds; round++) {
                List<String[]> order = new ArrayList<>(probes);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                for (String[] probe : order) {
                    String line = probe(probe[0], probe[1], dynamo);
                    System.out.println("round=" + round + " " + line);
                    byProbe.computeIfAbsent(probe[0] + " " + probe[1], p -> new ArrayList<>()).add(parse(line));
                }
            }
        }
        System.out.println();
        System.out.println("| subject | connections | runs | first ms | warm p50 ms | first / warm (goal <= 2 after a restore) "
                + "| first / warm, caller's CPU | restore hooks ms | (hooks + first) / warm "
                + "| connections opened by restore / first | classes loaded by the first |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        byProbe.forEach((probe, runs) -> {
            String key = probe.replace(' ', '.');
            System.out.printf(Locale.ROOT, "restore.%s.first_ms=%.2f%nrestore.%s.warm_p50_ms=%.2f%n"
                            + "restore.%s.first_over_warm=%.2f%nrestore.%s.restore_hooks_ms=%.2f%n"
                            + "restore.%s.hooks_and_first_over_warm=%.2f%nrestore.%s.first_cpu_over_warm=%.2f%n",
                    key, median(runs, "first_ms"), key, median(runs, "warm_p50_ms"),
                    key, median(runs, "first_over_warm"), key, median(runs, "restore_hooks_ms"),
                    key, median(runs, "hooks_and_first_over_warm"), key, median(runs, "first_cpu_over_warm"));
        });
        byProbe.forEach((probe, runs) -> {
            String[] subjectMode = probe.split(" ");
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2fx | %.2fx | %.2f | %.2fx | %.0f / %.0f | %.0f |%n",
                    subjectMode[0], subjectMode[1], runs.size(),
                    median(runs, "first_ms"), median(runs, "warm_p50_ms"), median(runs, "first_over_warm"),
                    median(runs, "first_cpu_over_warm"), median(runs, "restore_hooks_ms"),
                    median(runs, "hooks_and_first_over_warm"),
                    median(runs, "connections_opened_by_restore"),
                    median(runs, "connections_opened_by_first"), median(runs, "classes_loaded_by_first"));
        });
    }

    private static String probe(String subject, String mode, LocalDynamoDbServer dynamo) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TEMPLATE_FLAGS);
        command.add(RUNTIME_CONTEXT);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RestoreProbe.class.getName(), subject, mode));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(PROBE_LOG.toFile()));
        builder.environment().putAll(Map.of("FOLDLINE_TABLE", TABLE,
                "FOLDLINE_DYNAMODB_ENDPOINT", dynamo.endpoint().toString(), "AWS_REGION", "us-east-1",
                // What Lambda sets for the init it snapshots: the function primes for that one.
                "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start",
                SdkSystemSetting.AWS_ACCESS_KEY_ID.environmentVariable(), "local",
                SdkSystemSetting.AWS_SECRET_ACCESS_KEY.environmentVariable(), "local"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0 || !output.contains("first_ms=")) {
            throw new IllegalStateException("the restore probe (" + subject + " " + mode + ") failed: " + output + "; see " + PROBE_LOG);
        }
        return output.lines().filter(line -> line.startsWith("subject=")).findFirst().orElseThrow();
    }

    static Map<String, Double> parse(String line) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String pair : line.split(" ")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length == 2 && !nameValue[0].equals("mode") && !nameValue[0].equals("subject")) {
                values.put(nameValue[0], Double.parseDouble(nameValue[1]));
            }
        }
        return values;
    }

    private static double median(List<Map<String, Double>> runs, String name) {
        double[] sorted = runs.stream().mapToDouble(run -> run.get(name)).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
