package dev.foldline.errors;

/** A request body or an envelope exceeds a size limit; nothing was written. */
public final class TooLarge extends FoldlineException {
    public TooLarge(String message) {
        super(ErrorKind.TOO_LARGE, message, null);
    }
}
