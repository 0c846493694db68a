package dev.foldline.bench.sbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void readsNameValueLinesAndIgnoresEverythingElse() {
        Figures figures = Figures.parse("""
                Initializing DynamoDB Local with the following configuration:
                Port:\t8000
                cmd_per_s=412.5
                requests.PutItem=1.000
                note=not a number
                a line with = inside
                """);

        assertThat(figures.values()).containsExactly(
                entry("cmd_per_s", 412.5),
                entry("requests.PutItem", 1.0));
    }

    @Test
    void aMissingFigureIsNamedWithWhatWasPrinted() {
        Figures figures = Figures.parse("p50_ms=1.5\n");

        assertThatThrownBy(() -> figures.require("p99_ms"))
                .hasMessageContaining("p99_ms").hasMessageContaining("p50_ms");
    }
}
