package dev.foldline.http;

/**
 * Limits of the HTTP contract.
 *
 * @param maxBodyBytes the largest request body accepted; a larger one is answered with 413
 */
public record HttpOptions(int maxBodyBytes) {

    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    public HttpOptions {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1");
        }
    }

    public static HttpOptions defaults() {
        return new HttpOptions(DEFAULT_MAX_BODY_BYTES);
    }
}
