package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the runtime lets a request in flight finish, answers it, and only then closes the store. */
class GracefulShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void a_command_in_flight_at_shutdown_is_committed_and_answered() throws Exception {
        VaultApplication.entered = new CountDownLatch(1);
        VaultApplication.release = new CountDownLatch(1);
        LocalRuntime runtime = RuntimeFixture.start(dataDir);
        ApiClient api = ApiClient.to(runtime.baseUri());

        CompletableFuture<ApiClient.Reply> inFlight = CompletableFuture.supplyAsync(
                () -> api.command("HoldVault", "{\"aggregateId\":\"held\"}"));
        assertThat(VaultApplication.entered.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(runtime::close);
        awaitClosedForNewRequests(api);
        assertThat(closing).as("close waits for the request in flight").isNotDone();
        VaultApplication.release.countDown();

        assertThat(inFlight.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        closing.get(30, TimeUnit.SECONDS);
        try (LocalRuntime restarted = RuntimeFixture.start(dataDir)) {
            assertThat(ApiClient.to(restarted.baseUri()).get("/aggregates/vault/held").version()).isZero();
        }
    }

    /**
     * From the moment shutdown begins until the last request in flight ends, new requests are turned
     * away: a new connection is refused, one already open gets a 503.
     */
    private static void awaitClosedForNewRequests(ApiClient api) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!turnedAway(api)) {
            assertThat(System.nanoTime()).as("shutdown began").isLessThan(deadline);
        }
    }

    private static boolean turnedAway(ApiClient api) {
        try {
            return api.get("/health").status() == 503;
        } catch (UncheckedIOException refused) {
            return true;
        }
    }
}
