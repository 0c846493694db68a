package dev.foldline.bench.sbs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void userAndSystemTicksAreReadPastACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 30 0 100 0 0";

        assertThat(ProcessCpu.parseStat(stat)).isEqualTo(300 * 10_000_000L);
    }

    @Test
    void thisProcessReadThroughProcAgreesWithTheJvmWithinTicks() {
        long viaProc = ProcessCpu.nanosOf(ProcessHandle.current().pid()).orElseThrow();
        long viaJvm = ProcessCpu.ownNanos();

        // /proc counts whole ticks of 10 ms; both read the same counters a moment apart.
        assertThat(viaProc).isPositive().isLessThanOrEqualTo(viaJvm + 20_000_000L);
    }

    @Test
    void aProcessThatDoesNotExistHasNoFigure() {
        assertThat(ProcessCpu.nanosOf(Long.MAX_VALUE)).isEmpty();
    }
}
