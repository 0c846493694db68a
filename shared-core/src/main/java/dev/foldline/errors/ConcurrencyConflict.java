package dev.foldline.errors;

/** The aggregate is not at the version the caller expected; nothing was written. */
public final class ConcurrencyConflict extends FoldlineException {
    public ConcurrencyConflict(String message) {
        super(ErrorKind.CONCURRENCY, message, null);
    }
}
