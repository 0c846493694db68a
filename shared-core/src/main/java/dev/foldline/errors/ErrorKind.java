package dev.foldline.errors;

/**
 * Every failure the framework reports, with the HTTP status it maps to. This enum is the one place
 * where errors meet HTTP: adapters never choose a status themselves.
 */
public enum ErrorKind {
    INVALID_ARGUMENT(400, "invalid-argument", "Invalid argument"),
    MISSING_ARGUMENT(400, "missing-argument", "Missing argument"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONCURRENCY(409, "concurrency", "Concurrency conflict"),
    TOO_LARGE(413, "too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    PRECONDITION(422, "precondition", "Precondition failed"),
    NOT_IMPLEMENTED(501, "not-implemented", "Not implemented"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    private final int httpStatus;
    private final String slug;
    private final String title;

    ErrorKind(int httpStatus, String slug, String title) {
        this.httpStatus = httpStatus;
        this.slug = slug;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Stable identifier used as the problem+json {@code type} suffix. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
