package dev.foldline.bench.sbs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time spent by a process, all threads, user and system: this JVM's from the platform bean, another
 * process's from Linux's {@code /proc/PID/stat}. CPU per command moves far less than wall time on a
 * shared machine, and summed over client and server it says what a command costs the whole machine.
 */
public final class ProcessCpu {

    /** The variable through which each driver learns the server's process id. */
    public static final String SERVER_PID = "SBS_SERVER_PID";

    /** Linux reports {@code /proc} times in clock ticks of 1/100 s (USER_HZ) on every architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    public static long ownNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The process's CPU time, or empty where there is no {@code /proc} (not Linux) or no such process. */
    public static OptionalLong nanosOf(long pid) {
        try {
            return OptionalLong.of(parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException unavailable) {
            return OptionalLong.empty();
        }
    }

    /** The server named by {@value #SERVER_PID}, if the orchestrator set it. */
    public static OptionalLong serverNanos() {
        String pid = System.getenv(SERVER_PID);
        return pid == null || pid.isBlank() ? OptionalLong.empty() : nanosOf(Long.parseLong(pid.trim()));
    }

    /** utime + stime of a {@code /proc/PID/stat} line; the command name in parentheses may hold spaces. */
    static long parseStat(String stat) {
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // afterName[0] is field 3 (state); utime and stime are fields 14 and 15.
        return (Long.parseLong(afterName[11]) + Long.parseLong(afterName[12])) * NANOS_PER_TICK;
    }
}
