package dev.foldline.errors;

/** A domain rule rejected the command. */
public final class PreconditionFailed extends FoldlineException {
    public PreconditionFailed(String message) {
        super(ErrorKind.PRECONDITION, message, null);
    }
}
