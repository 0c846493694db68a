package dev.foldline.http;

/**
 * Limits of the HTTP contract.
 *
 * @param maxBodyBytes the largest request body accepted; a larger one is answered with 413
 */
public record HttpOptions(int maxBodyBytes) {

    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    /** A command is one JSON object held in memory; anything near this is a mistake, not a payload. */
    public static final int LARGEST_MAX_BODY_BYTES = 64 * 1024 * 1024;

    public HttpOptions {
        if (maxBodyBytes < 1 || maxBodyBytes > LARGEST_MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be 1 to " + LARGEST_MAX_BODY_BYTES);
        }
    }

    public static HttpOptions defaults() {
        return new HttpOptions(DEFAULT_MAX_BODY_BYTES);
    }
}
