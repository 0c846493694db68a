package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At shutdown the requests already in (one running, others queued for a worker) are answered
 * whole: with their result while the drain lasts, with a 503 once it is over, never a reset.
 */
class ShutdownDrainTest {

    @TempDir
    Path dataDir;

    @Test
    void requests_running_and_queued_at_shutdown_are_all_answered_and_committed() throws Exception {
        Started started = startWithOneRunningAndTwoQueued(Duration.ofSeconds(60));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(started.runtime()::close);
        VaultApplication.release.countDown();

        assertThat(started.running().get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        for (CompletableFuture<ApiClient.Reply> queued : started.queued()) {
            assertThat(queued.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        closing.get(30, TimeUnit.SECONDS);
        try (LocalRuntime restarted = RuntimeFixture.start(dataDir)) {
            ApiClient api = ApiClient.to(restarted.baseUri());
            assertThat(api.get("/aggregates/vault/drained").version()).isZero();
            assertThat(api.get("/aggregates/numbers/queued-0").version()).isZero();
            assertThat(api.get("/aggregates/numbers/queued-1").version()).isZero();
        }
    }

    @Test
    void queued_requests_still_waiting_when_the_drain_ends_get_a_whole_503_and_run_nothing() throws Exception {
        Started started = startWithOneRunningAndTwoQueued(Duration.ZERO);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(started.runtime()::close);

        for (CompletableFuture<ApiClient.Reply> queued : started.queued()) {
            ApiClient.Reply reply = queued.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.json().get("status").getAsInt()).isEqualTo(503);
        }
        VaultApplication.release.countDown();
        assertThat(started.running().get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        closing.get(30, TimeUnit.SECONDS);
        try (LocalRuntime restarted = RuntimeFixture.start(dataDir)) {
            ApiClient api = ApiClient.to(restarted.baseUri());
            assertThat(api.get("/aggregates/vault/drained").version()).isZero();
            assertThat(api.get("/aggregates/numbers/queued-0").status()).isEqualTo(404);
            assertThat(api.get("/aggregates/numbers/queued-1").status()).isEqualTo(404);
        }
    }

    @Test
    void a_request_whose_body_is_still_arriving_when_the_drain_ends_gets_a_whole_503() throws Exception {
        LocalRuntime runtime = LocalRuntime.start(RuntimeFixture.config(dataDir)
                .withServer(ServerLimits.defaults().withDrain(Duration.ZERO)));
        try (Socket socket = RawHttp.stall(runtime.baseUri(), "POST /commands/AddNumbers HTTP/1.1\r\nHost: x\r\n"
                + "X-Tenant: tenant1\r\nX-Actor-Id: slow\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                + "{\"aggregateId\":\"half\",")) {
            RuntimeFixture.awaitAtLeast(1, runtime::requestsInside, "requests inside");

            runtime.close();

            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertThat(answer).isNotNull();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }
        try (LocalRuntime restarted = RuntimeFixture.start(dataDir)) {
            assertThat(ApiClient.to(restarted.baseUri()).get("/aggregates/numbers/half").status()).isEqualTo(404);
        }
    }

    private record Started(LocalRuntime runtime, CompletableFuture<ApiClient.Reply> running,
                           List<CompletableFuture<ApiClient.Reply>> queued) {
    }

    /** One worker, held by HoldVault; two commands wait in the queue behind it. */
    private Started startWithOneRunningAndTwoQueued(Duration drain) throws InterruptedException {
        VaultApplication.entered = new CountDownLatch(1);
        VaultApplication.release = new CountDownLatch(1);
        LocalRuntime runtime = LocalRuntime.start(RuntimeFixture.config(dataDir)
                .withServer(ServerLimits.defaults().withWorkers(1, 4).withDrain(drain)));
        ApiClient api = ApiClient.to(runtime.baseUri());
        CompletableFuture<ApiClient.Reply> running = CompletableFuture.supplyAsync(
                () -> api.command("HoldVault", "{\"aggregateId\":\"drained\"}"));
        assertThat(VaultApplication.entered.await(30, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<ApiClient.Reply>> queued = List.of(0, 1).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> api.command("AddNumbers",
                        "{\"aggregateId\":\"queued-" + n + "\",\"number1\":1,\"number2\":2}")))
                .toList();
        RuntimeFixture.awaitAtLeast(2, runtime::queuedRequests, "requests queued");
        return new Started(runtime, running, queued);
    }
}
