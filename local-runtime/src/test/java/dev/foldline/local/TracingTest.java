package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.trace.LoggingTracer;
import dev.foldline.trace.Tracer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code FOLDLINE_TRACE=on} installs the logging tracer, and the runtime reports to its tracer. */
class TracingTest {

    @TempDir
    Path dataDir;

    @Test
    void trace_on_logs_spans_and_trace_off_or_unset_traces_nothing() {
        assertThat(LocalConfig.fromEnvironment(Map.of("FOLDLINE_TRACE", "on")).tracer()).isInstanceOf(LoggingTracer.class);
        assertThat(LocalConfig.fromEnvironment(Map.of("FOLDLINE_TRACE", "off")).tracer()).isSameAs(Tracer.NOOP);
        assertThat(LocalConfig.fromEnvironment(Map.of()).tracer()).isSameAs(Tracer.NOOP);
    }

    @Test
    void a_command_reports_its_load_commit_command_and_handler_spans() {
        List<Tracer.Span> spans = new CopyOnWriteArrayList<>();
        LocalConfig base = RuntimeFixture.config(dataDir);
        LocalConfig traced = new LocalConfig(base.host(), base.port(), base.dataDir(), base.http(), base.identity(),
                base.identityDescription(), base.settings(), spans::add);

        try (LocalRuntime runtime = LocalRuntime.start(traced)) {
            ApiClient.Reply reply = ApiClient.to(runtime.baseUri())
                    .command("AddNumbers", "{\"aggregateId\":\"traced\",\"number1\":1,\"number2\":2}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }

        assertThat(spans).extracting(Tracer.Span::operation)
                .containsSubsequence(Tracer.Operation.LOAD, Tracer.Operation.COMMIT, Tracer.Operation.COMMAND)
                .contains(Tracer.Operation.HANDLE);
        assertThat(spans).allSatisfy(span -> {
            assertThat(span.tenant()).isEqualTo("tenant1");
            assertThat(span.error()).isNull();
        });
        assertThat(spans).filteredOn(span -> span.operation() == Tracer.Operation.COMMAND)
                .singleElement().satisfies(span -> {
                    assertThat(span.subject()).isEqualTo("tenant1/numbers/traced");
                    assertThat(span.detail()).isEqualTo("AddNumbers");
                });
    }
}
