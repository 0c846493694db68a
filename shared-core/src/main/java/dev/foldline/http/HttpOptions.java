package dev.foldline.http;

/**
 * Limits of the HTTP contract.
 *
 * @param maxBodyBytes   the largest request body accepted; a larger one is answered with 413
 * @param maxJsonDepth   how deeply a body's objects and arrays may nest; deeper is a 400
 * @param maxJsonMembers how many object members and array elements a body may hold in all; more is a 400
 */
public record HttpOptions(int maxBodyBytes, int maxJsonDepth, int maxJsonMembers) {

    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    /** A command is one JSON object held in memory; anything near this is a mistake, not a payload. */
    public static final int LARGEST_MAX_BODY_BYTES = 64 * 1024 * 1024;
    public static final int DEFAULT_MAX_JSON_DEPTH = 32;
    public static final int DEFAULT_MAX_JSON_MEMBERS = 10_000;

    public HttpOptions {
        if (maxBodyBytes < 1 || maxBodyBytes > LARGEST_MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be 1 to " + LARGEST_MAX_BODY_BYTES);
        }
        if (maxJsonDepth < 1 || maxJsonMembers < 1) {
            throw new IllegalArgumentException("maxJsonDepth and maxJsonMembers must be at least 1");
        }
    }

    public HttpOptions(int maxBodyBytes) {
        this(maxBodyBytes, DEFAULT_MAX_JSON_DEPTH, DEFAULT_MAX_JSON_MEMBERS);
    }

    public static HttpOptions defaults() {
        return new HttpOptions(DEFAULT_MAX_BODY_BYTES);
    }
}
