package dev.foldline.errors;

/** A required argument is absent. */
public final class MissingArgument extends FoldlineException {
    public MissingArgument(String argument) {
        super(ErrorKind.MISSING_ARGUMENT, "missing " + argument, argument);
    }
}
