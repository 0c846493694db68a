package dev.foldline.errors;

/** No verified identity came with the request. */
public final class Unauthorized extends FoldlineException {
    public Unauthorized(String message) {
        super(ErrorKind.UNAUTHORIZED, message, null);
    }
}
