package dev.foldline.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class LoggingTracerTest {

    private final RecordingLogger logger = new RecordingLogger();
    private final Tracer tracer = new LoggingTracer(logger);

    @Test
    void a_successful_span_is_one_info_line_naming_operation_tenant_subject_detail_and_time() {
        tracer.trace(new Tracer.Span(Tracer.Operation.COMMIT, "tenant1", "numbers/calc1", "AddNumbers", 1_250_000, null));

        assertThat(logger.lines).containsExactly("INFO COMMIT tenant1 numbers/calc1 AddNumbers 1.250 ms");
    }

    @Test
    void a_failed_span_is_a_warning_naming_the_error() {
        tracer.trace(new Tracer.Span(Tracer.Operation.HANDLE, "tenant1", "numbers/calc1@3", "counter", 2_000_000,
                new IllegalStateException("disk full")));

        assertThat(logger.lines).containsExactly(
                "WARNING HANDLE tenant1 numbers/calc1@3 counter 2.000 ms failed: IllegalStateException: disk full");
    }

    @Test
    void nothing_is_formatted_when_the_level_is_off() {
        logger.enabled = false;

        tracer.trace(new Tracer.Span(Tracer.Operation.POLL, "tenant1", "thread1", "2 handlers", 1, null));

        assertThat(logger.lines).isEmpty();
    }

    @Test
    void the_setting_on_logs_and_off_or_unset_traces_nothing() {
        assertThat(Tracer.fromSetting("on")).isInstanceOf(LoggingTracer.class);
        assertThat(Tracer.fromSetting(" ON ")).isInstanceOf(LoggingTracer.class);
        assertThat(Tracer.fromSetting("off")).isSameAs(Tracer.NOOP);
        assertThat(Tracer.fromSetting(null)).isSameAs(Tracer.NOOP);
        assertThat(Tracer.fromSetting("")).isSameAs(Tracer.NOOP);
    }

    @Test
    void any_other_setting_is_refused_naming_the_variable() {
        assertThatThrownBy(() -> Tracer.fromSetting("yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FOLDLINE_TRACE");
    }

    /** Keeps "LEVEL message" for each record it is handed. */
    private static final class RecordingLogger implements Logger {
        final List<String> lines = new ArrayList<>();
        boolean enabled = true;

        @Override
        public String getName() {
            return LoggingTracer.LOGGER_NAME;
        }

        @Override
        public boolean isLoggable(Level level) {
            return enabled;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(level.getName() + " " + message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level.getName() + " " + format);
        }
    }
}
