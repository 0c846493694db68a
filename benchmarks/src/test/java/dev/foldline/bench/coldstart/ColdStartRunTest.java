package dev.foldline.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The probes' lines are read back exactly, and the summary is made of medians and their ratio. */
class ColdStartRunTest {

    @Test
    void a_probe_line_is_read_back_field_by_field() {
        ColdStartRun run = ColdStartRun.parse("cloud=aws mode=function built_ms=1180 first_answer_ms=1486 cpu_ms=2100 status=200");

        assertThat(run).isEqualTo(new ColdStartRun("aws", "function", 1180, 1486, 2100));
        assertThat(ColdStartRun.parse(run.line())).isEqualTo(run);
    }

    @Test
    void anything_else_a_probe_printed_is_refused() {
        assertThatThrownBy(() -> ColdStartRun.parse("Exception in thread main")).hasMessageContaining("not a probe line");
    }

    @Test
    void the_summary_gives_each_clouds_medians_and_the_function_over_bare_ratios() {
        List<ColdStartRun> runs = List.of(
                new ColdStartRun("gcp", "function", 100, 1300, 3000),
                new ColdStartRun("gcp", "bare", 50, 1000, 2000),
                new ColdStartRun("gcp", "function", 100, 1100, 2000),
                new ColdStartRun("gcp", "bare", 50, 900, 1000),
                new ColdStartRun("gcp", "function", 100, 1200, 2500),
                new ColdStartRun("gcp", "bare", 50, 5000, 1500));

        String summary = ColdStartRun.summary(runs);

        assertThat(summary).contains("gcp.function.first_answer_ms.median=1200\n", "gcp.bare.first_answer_ms.median=1000\n",
                "gcp.function.answer_after_built_ms.median=1100\n",
                "gcp.function_over_bare=1.20\n", "gcp.function_over_bare.cpu=1.67\n",
                "| gcp | 3 | 100 | 1200 | 50 | 1000 | 1.20 | 2500 | 1500 | 1.67 |");
    }
}
