package dev.foldline.trace;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Writes one line per span to the {@code dev.foldline.trace} logger: INFO for a success, WARNING
 * for a failure. Runtimes install it when {@code FOLDLINE_TRACE=on}, so an operator can see what
 * each command, load, commit, poll and handler call cost without attaching a profiler; the line
 * goes wherever the platform collects logs (stderr locally, CloudWatch on Lambda).
 */
public final class LoggingTracer implements Tracer {

    public static final String LOGGER_NAME = "dev.foldline.trace";

    private final Logger logger;

    public LoggingTracer() {
        this(System.getLogger(LOGGER_NAME));
    }

    LoggingTracer(Logger logger) {
        this.logger = logger;
    }

    @Override
    public void trace(Span span) {
        Level level = span.error() == null ? Level.INFO : Level.WARNING;
        if (logger.isLoggable(level)) {
            logger.log(level, line(span));
        }
    }

    /** {@code COMMIT tenant1 tenant1/numbers/calc1 AddNumbers 1.250 ms}, then {@code failed: Type: message} on failure. */
    static String line(Span span) {
        String line = String.format(Locale.ROOT, "%s %s %s %s %.3f ms", span.operation(), span.tenant(),
                span.subject(), span.detail(), span.nanos() / 1_000_000.0);
        if (span.error() == null) {
            return line;
        }
        return line + " failed: " + span.error().getClass().getSimpleName() + ": " + span.error().getMessage();
    }
}
