package dev.foldline.micro;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks with JMH's own command line (a benchmark name pattern, -f, -wi, -i...)
 * and prints each result as {@code name=value} lines after JMH's table: the score, its error
 * (99.9% interval half-width) and unit, the projector's progress writes per batch, the CPU time
 * per operation ({@link CpuTimeProfiler}) and, with {@code -prof gc}, the bytes allocated per operation.
 */
public final class MicroBenchmarks {

    private MicroBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        System.out.println();
        results.forEach(result -> lines(result).forEach((name, value) -> System.out.println(name + "=" + value)));
    }

    @SuppressWarnings("rawtypes") // JMH answers secondary results as a map of raw Result
    static Map<String, String> lines(RunResult run) {
        Map<String, String> lines = new TreeMap<>();
        String name = name(run.getParams());
        Result<?> primary = run.getPrimaryResult();
        lines.put(name, format(primary.getScore()));
        lines.put(name + ".error", format(primary.getScoreError()));
        lines.put(name + ".unit", primary.getScoreUnit());
        Map<String, Result> secondary = run.getSecondaryResults();
        Result<?> batches = secondary.get("batches");
        secondary.forEach((label, result) -> {
            if (label.equals("checkpointWrites") && batches != null && batches.getScore() > 0) {
                lines.put(name + ".checkpointWritesPerBatch", format(result.getScore() / batches.getScore()));
            } else if (label.equals("cpu.ns/op")) {
                lines.put(name + ".cpuNsPerOp", format(result.getScore()));
            } else if (label.equals("gc.alloc.rate.norm")) {
                // with -prof gc: bytes allocated per operation, which the machine's load does not blur
                lines.put(name + ".bytesPerOp", format(result.getScore()));
            }
        });
        return lines;
    }

    /** ReplayBenchmark.calculator, CommandBenchmark.warmCommand[aggregate=numbers,encodes=true]. */
    private static String name(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        String[] parts = benchmark.split("\\.");
        StringBuilder name = new StringBuilder(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]);
        Collection<String> keys = params.getParamsKeys();
        if (!keys.isEmpty()) {
            name.append('[');
            keys.forEach(key -> name.append(key).append('=').append(params.getParam(key)).append(','));
            name.setCharAt(name.length() - 1, ']');
        }
        return name.toString();
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
