package dev.foldline.errors;

/** The model lacks something a command needs at run time, such as an applier for a pushed event. */
public final class NotImplemented extends FoldlineException {
    public NotImplemented(String message) {
        super(ErrorKind.NOT_IMPLEMENTED, message, null);
    }
}
