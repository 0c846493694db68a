package dev.foldline.errors;

import java.util.Optional;

/**
 * The framework's errors. Sealed so that every failure a caller can see is one of a known set,
 * each carrying its {@link ErrorKind} (and so its HTTP status) and, where relevant, the argument it
 * names.
 */
public abstract sealed class FoldlineException extends RuntimeException
        permits InvalidArgument, MissingArgument, MalformedRequest, Unauthorized, Forbidden, NotFound,
                MethodNotAllowed, ConcurrencyConflict, TooLarge, UnsupportedMediaType, PreconditionFailed,
                NotImplemented, Unavailable {

    private final ErrorKind kind;
    private final String argument;

    FoldlineException(ErrorKind kind, String message, String argument) {
        super(message, null, false, false);
        this.kind = kind;
        this.argument = argument;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The argument the error names, when it names one. */
    public Optional<String> argument() {
        return Optional.ofNullable(argument);
    }
}
