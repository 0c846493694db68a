package dev.foldline.errors;

import java.time.Duration;

/**
 * The store refused the request for now (a cloud database throttling, after its client's own
 * retries); nothing was written and the client may retry after {@link #retryAfter()}.
 */
public final class Unavailable extends FoldlineException {

    private final Duration retryAfter;

    public Unavailable(String message, Duration retryAfter) {
        super(ErrorKind.UNAVAILABLE, message, null);
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The value of an HTTP {@code Retry-After} header: whole seconds, at least 1. */
    public String retryAfterHeader() {
        long millis = retryAfter.toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
