package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Clients firing AddNumbers commands, one aggregate each, each command with its own idempotency
 * key, until the server is gone; remembers the keys of the commands answered 200.
 */
final class CommandLoad {

    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Integer> nextKey = new ConcurrentHashMap<>();
    private final int clients;

    CommandLoad(int clients) {
        this.clients = clients;
    }

    /**
     * Runs the clients against {@code base} until {@code serverGone} says so once a call fails;
     * {@code enough} counts down once per command answered 200. Only 200 or the shutdown's 503 may come back.
     */
    Running start(URI base, CountDownLatch enough, BooleanSupplier serverGone) {
        ApiClient api = ApiClient.to(base);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String id = "load-" + c;
            running.add(pool.submit(() -> {
                while (!stop.get()) {
                    String key = id + "-" + nextKey.merge(id, 1, Integer::sum);
                    try {
                        ApiClient.Reply reply = api.command("AddNumbers",
                                "{\"aggregateId\":\"" + id + "\",\"number1\":1,\"number2\":1}", "Idempotency-Key", key);
                        if (reply.status() == 200) {
                            acknowledged.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(key);
                            enough.countDown();
                        } else {
                            assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
                        }
                    } catch (UncheckedIOException refusedOrReset) {
                        // Not acknowledged, so the test claims nothing about this command.
                        if (serverGone.getAsBoolean()) {
                            stop.set(true);
                        }
                    }
                }
                return null;
            }));
        }
        return new Running(pool, running, stop);
    }

    int acknowledgedCount() {
        return acknowledged.values().stream().mapToInt(Set::size).sum();
    }

    /** Every acknowledged command is among the envelopes the runtime at {@code base} serves. */
    void assertAllStored(URI base) {
        ApiClient api = ApiClient.to(base);
        for (Map.Entry<String, Set<String>> client : acknowledged.entrySet()) {
            Set<String> stored = new HashSet<>();
            String page = "/aggregates/numbers/" + client.getKey() + "/envelopes";
            while (page != null) {
                var body = api.get(page).json();
                for (JsonElement envelope : body.getAsJsonArray("envelopes")) {
                    stored.add(envelope.getAsJsonObject().get("idempotencyKey").getAsString());
                }
                page = body.has("next") ? body.get("next").getAsString() : null;
            }
            assertThat(stored).as("stored commands of " + client.getKey()).containsAll(client.getValue());
        }
    }

    record Running(ExecutorService pool, List<Future<?>> clients, AtomicBoolean stop) {

        /** Stops the clients and rethrows what any of them failed with. */
        void stopAndCheck() throws Exception {
            stop.set(true);
            try {
                for (Future<?> client : clients) {
                    client.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
