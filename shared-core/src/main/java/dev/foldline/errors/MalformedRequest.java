package dev.foldline.errors;

/** The request cannot be parsed at all (for example a body that is not valid JSON). */
public final class MalformedRequest extends FoldlineException {
    public MalformedRequest(String message) {
        super(ErrorKind.MALFORMED_REQUEST, message, null);
    }
}
