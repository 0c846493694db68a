package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.http.HttpOptions;
import dev.foldline.http.identity.DevHeaderIdentity;
import dev.foldline.trace.Tracer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port that is taken stops the start with a message naming it, and leaves the first runtime serving. */
class PortInUseTest {

    @Test
    void a_second_runtime_on_a_taken_port_fails_to_start_naming_the_address(@TempDir Path first, @TempDir Path second) {
        try (LocalRuntime running = RuntimeFixture.start(first)) {
            LocalConfig samePort = new LocalConfig("127.0.0.1", running.port(), second, HttpOptions.defaults(),
                    new DevHeaderIdentity(), "test identity", Map.of(), Tracer.NOOP);

            assertThatThrownBy(() -> LocalRuntime.start(samePort))
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + running.port());
            assertThat(ApiClient.to(running.baseUri()).get("/health").status()).isEqualTo(200);
        }
    }
}
