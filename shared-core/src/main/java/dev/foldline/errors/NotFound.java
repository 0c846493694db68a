package dev.foldline.errors;

/** An unknown command, aggregate type, aggregate or route. */
public final class NotFound extends FoldlineException {
    public NotFound(String message) {
        super(ErrorKind.NOT_FOUND, message, null);
    }

    public NotFound(String argument, String message) {
        super(ErrorKind.NOT_FOUND, message, argument);
    }
}
