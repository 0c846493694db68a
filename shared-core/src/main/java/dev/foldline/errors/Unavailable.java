package dev.foldline.errors;

/**
 * The store stayed overloaded or contended through the retries (Firestore RESOURCE_EXHAUSTED or
 * ABORTED, Cosmos 429): nothing was written, and the client may retry after the given seconds.
 */
public final class Unavailable extends FoldlineException {

    private final int retryAfterSeconds;

    public Unavailable(String message, int retryAfterSeconds) {
        super(ErrorKind.UNAVAILABLE, message, null);
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After is at least one second");
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
