package dev.foldline.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void delays_grow_with_the_attempt_up_to_the_cap_and_never_below_zero() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(2), Duration.ofMillis(100));
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.delay(0)).isBetween(Duration.ZERO, Duration.ofMillis(2));
            assertThat(backoff.delay(3)).isBetween(Duration.ZERO, Duration.ofMillis(16));
            assertThat(backoff.delay(40)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        }
    }

    @Test
    void no_backoff_never_waits() {
        assertThat(RetryBackoff.NONE.delay(5)).isZero();
    }
}
