package dev.foldline.trace;

/**
 * Observes what the framework does: one call per command, load, commit, poll and handled
 * envelope. Implementations must be cheap and must not throw.
 */
@FunctionalInterface
public interface Tracer {

    Tracer NOOP = span -> { };

    void trace(Span span);

    enum Operation { COMMAND, LOAD, COMMIT, POLL, HANDLE }

    /**
     * @param subject what the operation acted on (a stream, a thread, a handler and stream)
     * @param detail  the command name, the handler name, or a short note
     * @param error   the failure, or null
     */
    record Span(Operation operation, String tenant, String subject, String detail, long nanos, Throwable error) {
    }
}
