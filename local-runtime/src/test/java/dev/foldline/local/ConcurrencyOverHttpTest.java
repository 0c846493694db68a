package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients at once on one aggregate, over HTTP. */
class ConcurrencyOverHttpTest {

    private static final int CLIENTS = 24;
    private static final int COMMANDS_PER_CLIENT = 10;

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.withDefaults();

    @Test
    void concurrent_commands_without_expected_version_all_succeed_and_the_version_counts_them() throws Exception {
        String id = "busy-" + UUID.randomUUID();
        List<Integer> statuses = fire(CLIENTS, client -> server.api().command("AddNumbers",
                "{\"aggregateId\":\"" + id + "\",\"number1\":1,\"number2\":0}").status());

        int total = CLIENTS * COMMANDS_PER_CLIENT;
        assertThat(statuses).hasSize(total).containsOnly(200);
        ApiClient.Reply aggregate = server.api().get("/aggregates/numbers/" + id);
        assertThat(aggregate.version()).isEqualTo(total - 1);
        assertThat(aggregate.state().get("sum").getAsLong()).isEqualTo(total);
        assertThat(server.api().get("/projections/counter").json().getAsJsonObject("events").get(id).getAsInt()).isEqualTo(total);
    }

    @Test
    void concurrent_commands_at_the_same_expected_version_let_exactly_one_win() throws Exception {
        String id = "race-" + UUID.randomUUID();
        server.api().command("AddNumbers", "{\"aggregateId\":\"" + id + "\",\"number1\":1,\"number2\":0}");

        List<Integer> statuses = fire(CLIENTS, client -> server.api().command("AddNumbers",
                "{\"aggregateId\":\"" + id + "\",\"expectedVersion\":0,\"number1\":1,\"number2\":0}").status());

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(server.api().get("/aggregates/numbers/" + id).version()).isEqualTo(1);
        assertThat(server.api().get("/aggregates/numbers/" + id + "/envelopes").json().getAsJsonArray("envelopes")).hasSize(2);
    }

    private interface Call {
        int status(int client) throws Exception;
    }

    /** Starts all clients together (a latch, not a sleep) and collects every status. */
    private static List<Integer> fire(int clients, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < COMMANDS_PER_CLIENT; i++) {
                        statuses.add(call.status(client));
                    }
                    return statuses;
                }));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
