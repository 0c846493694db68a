package dev.foldline.errors;

/** A domain rule rejected the command, or a request contradicts what an earlier one recorded. */
public final class PreconditionFailed extends FoldlineException {
    public PreconditionFailed(String message) {
        super(ErrorKind.PRECONDITION, message, null);
    }

    public PreconditionFailed(String argument, String message) {
        super(ErrorKind.PRECONDITION, message, argument);
    }
}
