package dev.foldline.local;

import java.time.Duration;
import java.util.Map;

/**
 * What the HTTP server gives to clients that are slow, many, or still there at shutdown.
 *
 * @param readTimeout    how long a connection may send nothing while its headers or body are
 *                       unfinished (or while it idles between requests); then it is closed, with a
 *                       408 problem if a request had started. Twice this is the deadline for a
 *                       request's headers ({@link HeaderDeadline}) and for its body ({@link BodyReader}),
 *                       however the bytes trickle
 * @param maxConnections open connections at most; more wait in the system's accept queue until one closes
 * @param workers        requests run at once (commands and reads)
 * @param queuedRequests requests read in full and waiting for a worker; one more is answered 503 with Retry-After
 * @param drain          at shutdown, how long requests in flight and queued get to finish; the queued
 *                       ones still waiting then are answered 503
 */
public record ServerLimits(Duration readTimeout, int maxConnections, int workers, int queuedRequests, Duration drain) {

    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    public static final int DEFAULT_WORKERS = 16;
    public static final int DEFAULT_QUEUED_REQUESTS = 256;
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(20);

    public ServerLimits {
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("FOLDLINE_READ_TIMEOUT_SECONDS must be at least 1");
        }
        if (drain.isNegative()) {
            throw new IllegalArgumentException("FOLDLINE_DRAIN_SECONDS must be 0 or more");
        }
        atLeast(1, maxConnections, "FOLDLINE_MAX_CONNECTIONS");
        atLeast(1, workers, "FOLDLINE_WORKERS");
        atLeast(0, queuedRequests, "FOLDLINE_QUEUED_REQUESTS");
    }

    public static ServerLimits defaults() {
        return new ServerLimits(DEFAULT_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS, DEFAULT_WORKERS, DEFAULT_QUEUED_REQUESTS,
                DEFAULT_DRAIN);
    }

    static ServerLimits fromEnvironment(Map<String, String> env) {
        return new ServerLimits(
                Duration.ofSeconds(number(env, "FOLDLINE_READ_TIMEOUT_SECONDS", DEFAULT_READ_TIMEOUT.toSeconds())),
                (int) number(env, "FOLDLINE_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS),
                (int) number(env, "FOLDLINE_WORKERS", DEFAULT_WORKERS),
                (int) number(env, "FOLDLINE_QUEUED_REQUESTS", DEFAULT_QUEUED_REQUESTS),
                Duration.ofSeconds(number(env, "FOLDLINE_DRAIN_SECONDS", DEFAULT_DRAIN.toSeconds())));
    }

    public ServerLimits withReadTimeout(Duration timeout) {
        return new ServerLimits(timeout, maxConnections, workers, queuedRequests, drain);
    }

    public ServerLimits withMaxConnections(int connections) {
        return new ServerLimits(readTimeout, connections, workers, queuedRequests, drain);
    }

    public ServerLimits withWorkers(int count, int queued) {
        return new ServerLimits(readTimeout, maxConnections, count, queued, drain);
    }

    public ServerLimits withDrain(Duration time) {
        return new ServerLimits(readTimeout, maxConnections, workers, queuedRequests, time);
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }

    private static void atLeast(int least, int value, String name) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", not " + value);
        }
    }
}
