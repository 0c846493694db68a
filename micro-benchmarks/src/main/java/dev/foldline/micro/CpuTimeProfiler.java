package dev.foldline.micro;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time the benchmark's JVM used per operation ({@code -prof dev.foldline.micro.CpuTimeProfiler}):
 * on a machine shared with other work, wall-clock throughput falls whenever another process takes
 * the core, while the CPU an operation costs moves far less. It is the whole forked JVM's time
 * (the one benchmark thread, and the garbage collector and compiler working for it) over every
 * operation of the iteration, so it slightly overstates a lone thread's cost.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private long startNanos;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startNanos = processCpuNanos();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's interface names the raw Result
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long used = processCpuNanos() - startNanos;
        long operations = result.getMetadata().getAllOps();
        if (operations <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.ns/op", (double) used / operations, "ns/op", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
