package dev.foldline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles: the smallest sample with at least the given share of samples at or below it. */
class LatenciesTest {

    @Test
    void of_one_to_a_hundred_the_median_is_50_and_the_99th_percentile_is_99() {
        long[] shuffled = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();

        assertThat(Latencies.of(shuffled)).isEqualTo(new Latencies(50, 99));
    }

    @Test
    void with_sixty_samples_the_99th_percentile_is_the_slowest_since_59_of_60_is_under_99_percent() {
        assertThat(Latencies.of(LongStream.rangeClosed(1, 60).toArray())).isEqualTo(new Latencies(30, 60));
    }

    @Test
    void a_single_slow_sample_in_a_small_run_is_the_99th_percentile_but_not_the_median() {
        assertThat(Latencies.of(new long[] {7, 1_000, 5})).isEqualTo(new Latencies(7, 1_000));
    }

    @Test
    void the_samples_are_not_reordered() {
        long[] samples = {3, 1, 2};

        Latencies.of(samples);

        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void no_samples_give_zero() {
        assertThat(Latencies.of(new long[0])).isEqualTo(new Latencies(0, 0));
    }
}
