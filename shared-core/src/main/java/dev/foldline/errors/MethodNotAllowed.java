package dev.foldline.errors;

/** The route exists but not with this HTTP method. */
public final class MethodNotAllowed extends FoldlineException {
    public MethodNotAllowed(String message) {
        super(ErrorKind.METHOD_NOT_ALLOWED, message, null);
    }
}
