package dev.foldline.errors;

/** The identity is known but lacks a role the operation requires. */
public final class Forbidden extends FoldlineException {
    public Forbidden(String message) {
        super(ErrorKind.FORBIDDEN, message, null);
    }
}
