package dev.foldline.errors;

/** An argument is present but wrong: bad type, out of range, unknown name. */
public final class InvalidArgument extends FoldlineException {
    public InvalidArgument(String argument) {
        this(argument, "invalid " + argument);
    }

    public InvalidArgument(String argument, String message) {
        super(ErrorKind.INVALID_ARGUMENT, message, argument);
    }
}
