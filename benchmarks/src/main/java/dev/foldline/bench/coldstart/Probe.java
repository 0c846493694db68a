package dev.foldline.bench.coldstart;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The clock of one cold-start probe: milliseconds from the JVM's start to the function (or bare
 * client) being built and to its first answer, and the CPU time the process had used by then (all
 * its threads: JIT and GC included), printed as one {@code name=value} line that
 * {@link FunctionColdStarts} reads. CPU time hardly moves when other processes load the machine,
 * wall time does. Both modes of a cloud go through this same code, so what it costs is on both sides.
 */
final class Probe {

    /** The command every function probe sends: no aggregateId, so one write, like the bare probe. */
    static final String COMMAND_PATH = "/commands/AddNumbers";
    static final String COMMAND_BODY = "{\"number1\":1,\"number2\":2}";
    static final String TENANT = "cold-start";

    private final String cloud;
    private final String mode;
    private final long jvmStart;
    private long builtMillis;

    private Probe(String cloud, String mode) {
        this.cloud = cloud;
        this.mode = mode;
        this.jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** The mode from the arguments: {@code function} or {@code bare}. */
    static Probe start(String cloud, String[] args) {
        String mode = args.length == 1 ? args[0].toLowerCase(Locale.ROOT) : "";
        if (!mode.equals("function") && !mode.equals("bare")) {
            throw new IllegalArgumentException("usage: " + cloud + " probe function|bare");
        }
        return new Probe(cloud, mode);
    }

    boolean function() {
        return mode.equals("function");
    }

    void built() {
        builtMillis = System.currentTimeMillis() - jvmStart;
    }

    /**
     * Prints the line and ends the JVM (the SDKs leave non-daemon threads behind): status 0 when
     * the answer was a success, 1 otherwise, so a failing command never passes for a fast one.
     */
    void answered(int status) {
        long answeredMillis = System.currentTimeMillis() - jvmStart;
        long cpuMillis = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.printf("cloud=%s mode=%s built_ms=%d first_answer_ms=%d cpu_ms=%d status=%d%n",
                cloud, mode, builtMillis, answeredMillis, cpuMillis, status);
        System.out.flush();
        Runtime.getRuntime().halt(status / 100 == 2 ? 0 : 1);
    }
}
