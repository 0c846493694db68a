package dev.foldline.trace;

import java.util.Locale;

/**
 * Observes what the framework does: one call per command, load, commit, poll and handled
 * envelope. Implementations must be cheap and must not throw.
 */
@FunctionalInterface
public interface Tracer {

    Tracer NOOP = span -> { };

    /**
     * The tracer a runtime installs for its {@code FOLDLINE_TRACE} setting: {@code on} logs every
     * span ({@link LoggingTracer}), {@code off} or unset traces nothing.
     */
    static Tracer fromSetting(String value) {
        String setting = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (setting) {
            case "", "off" -> NOOP;
            case "on" -> new LoggingTracer();
            default -> throw new IllegalArgumentException("FOLDLINE_TRACE must be on or off, not " + value);
        };
    }

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
