package dev.foldline.bench.sbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SideBySideReportTest {

    private static Measurement run(int round, Side side, double cmdPerSecond, double p50, double p99) {
        return new Measurement(round, 1, side, new Figures(Map.of("cmd_per_s", cmdPerSecond, "p50_ms", p50,
                "p99_ms", p99, "floor.p50_ms", p50 / 2)));
    }

    @Test
    void eachRatioIsTheMedianOfTheRoundsOwnRatios() {
        SideBySideReport report = new SideBySideReport(List.of(
                run(1, Side.FOLDLINE, 300, 1.0, 4.0), run(1, Side.ORIGINAL, 100, 4.0, 10.0),
                run(2, Side.FOLDLINE, 900, 2.0, 5.0), run(2, Side.ORIGINAL, 150, 3.0, 20.0),
                run(3, Side.FOLDLINE, 400, 9.0, 6.0), run(3, Side.ORIGINAL, 200, 5.0, 30.0)));

        Map<String, Double> ratios = report.ratios().get(1);

        // rounds' ratios: cmd/s 3, 6, 2; p50 0.25, 0.667, 1.8; p99 0.4, 0.25, 0.2
        assertThat(ratios.get("cmd_per_s")).isCloseTo(3.0, within(1e-9));
        assertThat(ratios.get("p50")).isCloseTo(2.0 / 3.0, within(1e-9));
        assertThat(ratios.get("p99")).isCloseTo(0.25, within(1e-9));
        assertThat(ratios.get("floor_p50")).isCloseTo(2.0, within(1e-9));
        assertThat(report.lines()).contains("sbs.clients1.foldline.cmd_per_s=400\n", "sbs.clients1.ratio.p50=0.67\n");
        assertThat(report.markdown()).contains("| 1 | 400 | 150 | 3.00x |");
    }

    @Test
    void theCpuRatioComparesClientAndServerCpuPerCommandTogether() {
        Figures foldline = new Figures(Map.of("cmd_per_s", 200.0, "p50_ms", 1.0, "p99_ms", 2.0, "floor.p50_ms", 1.0,
                "client_cpu_us_per_cmd", 300.0, "server_cpu_us_per_cmd", 200.0,
                "floor.client_cpu_us_per_cmd", 250.0, "floor.server_cpu_us_per_cmd", 190.0));
        Figures original = new Figures(Map.of("cmd_per_s", 100.0, "p50_ms", 2.0, "p99_ms", 4.0,
                "client_cpu_us_per_cmd", 900.0, "server_cpu_us_per_cmd", 1100.0));
        SideBySideReport report = new SideBySideReport(List.of(new Measurement(1, 8, Side.FOLDLINE, foldline),
                new Measurement(1, 8, Side.ORIGINAL, original)));

        assertThat(report.ratios().get(8).get("cpu_per_cmd")).isCloseTo(500.0 / 2000, within(1e-9));
        assertThat(report.markdown()).contains("| 300 + 200 | 900 + 1100 | 250 + 190 | 0.25x |");
    }

    @Test
    void aRoundIsComparedOnlyWithItself() {
        // the machine slowed down for round 2: both sides alike, so the rounds' ratios agree
        SideBySideReport report = new SideBySideReport(List.of(
                run(1, Side.FOLDLINE, 1000, 1.0, 2.0), run(1, Side.ORIGINAL, 500, 2.0, 4.0),
                run(2, Side.ORIGINAL, 200, 5.0, 10.0), run(2, Side.FOLDLINE, 400, 2.5, 5.0)));

        assertThat(report.ratios().get(1).get("cmd_per_s")).isCloseTo(2.0, within(1e-9));
        assertThat(report.ratios().get(1).get("p99")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aRunWithoutCpuFiguresHasNoCpuRatio() {
        SideBySideReport report = new SideBySideReport(List.of(run(1, Side.FOLDLINE, 300, 1.0, 4.0),
                run(1, Side.ORIGINAL, 100, 4.0, 10.0)));

        assertThat(report.ratios().get(1)).doesNotContainKey("cpu_per_cmd");
        assertThat(report.markdown()).contains("| - | - | - | - |");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        Figures median = SideBySideReport.median(List.of(
                new Figures(Map.of("x", 1.0)), new Figures(Map.of("x", 3.0)),
                new Figures(Map.of("x", 10.0)), new Figures(Map.of("x", 2.0))));

        assertThat(median.require("x")).isEqualTo(2.5);
    }
}
