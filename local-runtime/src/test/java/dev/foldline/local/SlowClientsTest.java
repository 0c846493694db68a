package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slowloris: clients that open connections and never finish their headers or their body must not
 * stop anybody else. Assertions are on answers, never on how fast they came; the waits are bounded
 * only so that a broken build fails instead of hanging.
 */
class SlowClientsTest {

    private static final int STALLED = 40;

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.withDefaults();

    private final List<Socket> stalled = new ArrayList<>();

    @AfterEach
    void hangUp() throws IOException {
        for (Socket socket : stalled) {
            socket.close();
        }
    }

    @Test
    void forty_connections_stalled_in_their_headers_or_body_leave_health_and_commands_answering() {
        for (int i = 0; i < STALLED / 2; i++) {
            stalled.add(RawHttp.stall(server.baseUri(), "POST /commands/AddNumbers HTTP/1.1\r\nHost: x\r\nX-Tenant: te"));
            stalled.add(RawHttp.stall(server.baseUri(), "POST /commands/AddNumbers HTTP/1.1\r\nHost: x\r\n"
                    + "X-Tenant: tenant1\r\nX-Actor-Id: slow\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                    + "{\"aggregateId\":\"slow\","));
        }

        for (int i = 0; i < 3; i++) {
            assertThat(server.api().get("/health").status()).isEqualTo(200);
            assertThat(server.api().command("AddNumbers", "{\"aggregateId\":\"patient\",\"number1\":1,\"number2\":2}").status())
                    .isEqualTo(200);
        }
        assertThat(server.api().get("/aggregates/numbers/slow").status()).as("no stalled body was run").isEqualTo(404);
    }
}
