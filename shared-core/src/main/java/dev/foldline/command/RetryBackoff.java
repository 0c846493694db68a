package dev.foldline.command;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a command waits before retrying after a conflict: "full jitter" exponential backoff, a
 * random delay up to {@code base * 2^attempt}, capped. Without it, writers contending for one
 * aggregate re-read and collide again in lockstep, and a busy aggregate exhausts their retries.
 */
public record RetryBackoff(Duration base, Duration cap) {

    public static final RetryBackoff NONE = new RetryBackoff(Duration.ZERO, Duration.ZERO);

    public RetryBackoff {
        if (base.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    public static RetryBackoff defaults() {
        return new RetryBackoff(Duration.ofMillis(5), Duration.ofMillis(250));
    }

    /** The delay before retry number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        long ceiling = Math.min(cap.toNanos(), base.toNanos() << Math.min(attempt, 30));
        return ceiling <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
