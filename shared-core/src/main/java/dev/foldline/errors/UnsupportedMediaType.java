package dev.foldline.errors;

/** The request body is not JSON. */
public final class UnsupportedMediaType extends FoldlineException {
    public UnsupportedMediaType(String message) {
        super(ErrorKind.UNSUPPORTED_MEDIA_TYPE, message, null);
    }
}
