package dev.foldline.bench.coldstart;

import dev.foldline.aws.dynamodb.DynamoDbTables;
import dev.foldline.bench.LocalDynamoDbServer;
import dev.foldline.bench.SdkRequestCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * For {@code scripts/bench-restore}: the first command after a SnapStart restore against a warm one
 * (issue 13: "within 2x"), approximated by {@link RestoreProbe} in a fresh JVM per run with the
 * template's JVM flags, on one DynamoDB Local; modes {@code dropped} (the restore: no connection
 * survives) and {@code kept} (the same JVM without the drop) alternate. Prints every run and the
 * medians as name=value lines and a Markdown table.
 */
public final class FirstCommandAfterRestore {

    private static final String TABLE = "foldline-restore";
    private static final List<String> TEMPLATE_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private FirstCommandAfterRestore() {
    }

    /** Exits explicitly: DynamoDB Local leaves a non-daemon thread behind (see Benchmarks). */
    public static void main(String[] args) {
        int status = 0;
        try {
            run(Integer.getInteger("restore.rounds", 5));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private static void run(int rounds) throws Exception {
        Map<String, List<Map<String, Double>>> byMode = new LinkedHashMap<>();
        try (LocalDynamoDbServer dynamo = LocalDynamoDbServer.start()) {
            try (DynamoDbClient client = dynamo.client(new SdkRequestCounter())) {
                DynamoDbTables.create(client, TABLE);
            }
            for (int round = 1; round <= rounds; round++) {
                List<String> modes = round % 2 == 1 ? List.of("dropped", "kept") : List.of("kept", "dropped");
                for (String mode : modes) {
                    String line = probe(mode, dynamo);
                    System.out.println("round=" + round + " " + line);
                    byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(parse(line));
                }
            }
        }
        System.out.println();
        System.out.println("| first command | runs | first ms | warm p50 ms | first / warm (goal <= 2 after a restore) "
                + "| new connections | classes loaded by the first |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        byMode.forEach((mode, runs) -> {
            double first = median(runs, "first_ms");
            double warm = median(runs, "warm_p50_ms");
            double ratio = median(runs, "first_over_warm");
            System.out.printf(Locale.ROOT, "restore.%s.first_ms=%.2f%nrestore.%s.warm_p50_ms=%.2f%n"
                    + "restore.%s.first_over_warm=%.2f%n", mode, first, mode, warm, mode, ratio);
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2fx | %.0f | %.0f |%n",
                    mode.equals("dropped") ? "after the connections were dropped (restore)" : "connections kept",
                    runs.size(), first, warm, ratio, median(runs, "new_connections"),
                    median(runs, "classes_loaded_by_first"));
        });
    }

    private static String probe(String mode, LocalDynamoDbServer dynamo) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TEMPLATE_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RestoreProbe.class.getName(), mode));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of("FOLDLINE_TABLE", TABLE,
                "FOLDLINE_DYNAMODB_ENDPOINT", dynamo.endpoint().toString(), "AWS_REGION", "us-east-1",
                // What Lambda sets for the init it snapshots: the function primes for that one.
                "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start",
                SdkSystemSetting.AWS_ACCESS_KEY_ID.environmentVariable(), "local",
                SdkSystemSetting.AWS_SECRET_ACCESS_KEY.environmentVariable(), "local"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0 || !output.contains("first_ms=")) {
            throw new IllegalStateException("the restore probe (" + mode + ") failed: " + output);
        }
        return output.lines().filter(line -> line.startsWith("mode=")).findFirst().orElseThrow();
    }

    static Map<String, Double> parse(String line) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String pair : line.split(" ")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length == 2 && !nameValue[0].equals("mode")) {
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
