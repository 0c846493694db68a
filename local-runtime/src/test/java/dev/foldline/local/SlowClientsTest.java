package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void a_connection_stalled_in_its_headers_is_closed_once_the_read_timeout_passes(@TempDir Path dataDir) throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(limits(dataDir, ServerLimits.defaults().withReadTimeout(Duration.ofSeconds(1))))) {
            Socket socket = keep(RawHttp.stall(runtime.baseUri(), "GET /health HTTP/1.1\r\nHost: x\r\nX-Ten"));

            RawHttp.Answer answer = RawHttp.read(socket.getInputStream()); // a SocketTimeoutException if never closed
            assertThat(answer == null || answer.status() == 408 && answer.isProblem()).as(String.valueOf(answer)).isTrue();
        }
    }

    @Test
    void a_client_trickling_its_headers_is_cut_off_although_it_is_never_silent_for_long(@TempDir Path dataDir)
            throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(limits(dataDir, ServerLimits.defaults().withReadTimeout(Duration.ofSeconds(1))))) {
            Socket socket = keep(RawHttp.stall(runtime.baseUri(), "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: "));

            // One byte every 200 ms: never silent for the read timeout. The pause is the behaviour under
            // test, not a wait for the server; the loop ends when the server hangs up, or fails after 30 s.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean cutOff = false;
            while (!cutOff) {
                assertThat(System.nanoTime()).as("the server cut the trickling client off").isLessThan(giveUp);
                Thread.sleep(200);
                cutOff = RawHttp.sendFails(socket, "s");
            }
        }
    }

    @Test
    void a_client_trickling_its_body_gets_a_408_problem_although_it_is_never_silent_for_long(@TempDir Path dataDir)
            throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(limits(dataDir, ServerLimits.defaults().withReadTimeout(Duration.ofSeconds(1))))) {
            Socket socket = keep(RawHttp.stall(runtime.baseUri(), "POST /commands/AddNumbers HTTP/1.1\r\nHost: x\r\n"
                    + "X-Tenant: tenant1\r\nX-Actor-Id: slow\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                    + "{\"aggregateId\":\"trickled\",\"pad\":\""));
            CompletableFuture<RawHttp.Answer> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.read(socket.getInputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            // One byte every 200 ms, as in the headers' case: the pause is the behaviour under test.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!answer.isDone() && !RawHttp.sendFails(socket, "x")) {
                assertThat(System.nanoTime()).as("the server answered the trickling client").isLessThan(giveUp);
                Thread.sleep(200);
            }

            RawHttp.Answer got = answer.get(30, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.status()).as(got.toString()).isEqualTo(408);
            assertThat(got.isProblem()).as(got.toString()).isTrue();
            assertThat(ApiClient.to(runtime.baseUri()).get("/aggregates/numbers/trickled").status()).isEqualTo(404);
        }
    }

    @Test
    void a_body_stalled_past_the_read_timeout_gets_a_408_problem_and_runs_nothing(@TempDir Path dataDir) throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(limits(dataDir, ServerLimits.defaults().withReadTimeout(Duration.ofSeconds(1))))) {
            Socket socket = keep(RawHttp.stall(runtime.baseUri(), "POST /commands/AddNumbers HTTP/1.1\r\nHost: x\r\n"
                    + "X-Tenant: tenant1\r\nX-Actor-Id: slow\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                    + "{\"aggregateId\":\"stalled\","));

            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertThat(answer).isNotNull();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(408);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat(ApiClient.to(runtime.baseUri()).get("/aggregates/numbers/stalled").status()).isEqualTo(404);
        }
    }

    @Test
    void a_full_request_queue_is_answered_503_with_retry_after_and_the_queued_request_still_runs(@TempDir Path dataDir)
            throws Exception {
        VaultApplication.entered = new CountDownLatch(1);
        VaultApplication.release = new CountDownLatch(1);
        try (LocalRuntime runtime = LocalRuntime.start(limits(dataDir, ServerLimits.defaults().withWorkers(1, 1)))) {
            ApiClient api = ApiClient.to(runtime.baseUri());
            CompletableFuture<ApiClient.Reply> running = CompletableFuture.supplyAsync(
                    () -> api.command("HoldVault", "{\"aggregateId\":\"busy\"}"));
            assertThat(VaultApplication.entered.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<ApiClient.Reply> queued = CompletableFuture.supplyAsync(
                    () -> api.command("AddNumbers", "{\"aggregateId\":\"queued\",\"number1\":1,\"number2\":2}"));
            RuntimeFixture.awaitAtLeast(1, runtime::queuedRequests, "requests queued");

            RawHttp.Answer refused = RawHttp.exchange(runtime.baseUri(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.isProblem()).as(refused.toString()).isTrue();
            assertThat(refused.header("Retry-After")).isNotEmpty();
            VaultApplication.release.countDown();
            assertThat(running.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(queued.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    @Test
    void connections_over_the_cap_wait_until_an_open_one_closes(@TempDir Path dataDir) throws Exception {
        int cap = 4;
        try (LocalRuntime runtime = LocalRuntime.start(limits(dataDir, ServerLimits.defaults().withMaxConnections(cap)))) {
            for (int i = 0; i < cap; i++) {
                keep(RawHttp.stall(runtime.baseUri(), "GET /health HTTP/1.1\r\nHost: x\r\n"));
            }
            CompletableFuture<RawHttp.Answer> waiting = CompletableFuture.supplyAsync(
                    () -> RawHttp.exchange(runtime.baseUri(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"));
            // Only checks that nothing is answered while the cap is reached: a slow machine cannot make it fail.
            assertThatThrownBy(() -> waiting.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);

            stalled.remove(0).close();

            assertThat(waiting.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    private Socket keep(Socket socket) {
        stalled.add(socket);
        return socket;
    }

    private static LocalConfig limits(Path dataDir, ServerLimits limits) {
        return RuntimeFixture.config(dataDir).withServer(limits);
    }
}
