package dev.foldline.command;

import java.time.Duration;
import java.security.SecureRandom;

/**
 * How long a command waits before retrying after a conflict: "full jitter" exponential backoff, a
 * random delay up to {@code base * 2^attempt}, capped. Without it, writers contending for one
 * aggregate re-read and collide again in lockstep, and a busy aggregate exhausts their retries.
 *
 * <p>The jitter comes from {@link SecureRandom}, not {@code ThreadLocalRandom}: a snapshot-restored
 * function (Lambda SnapStart) starts from a copy of memory, and ThreadLocalRandom's seeds would be
 * the same in every copy, so containers contending for one aggregate would back off in lockstep.
 */
public record RetryBackoff(Duration base, Duration cap) {

    private static final SecureRandom JITTER = new SecureRandom();

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
        return ceiling <= 0 ? Duration.ZERO : Duration.ofNanos(JITTER.nextLong(ceiling + 1));
    }
}
