package dev.foldline.local.sqlite;

import static dev.foldline.store.contract.Envelopes.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.StreamSlice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot see: the file itself, reopened, and shared by two store instances. */
class SqliteFileTest {

    @TempDir
    Path dataDir;

    @Test
    void envelopes_snapshots_and_checkpoints_survive_closing_and_reopening_the_file() {
        StreamId stream = new StreamId("t1", "numbers", "a");
        Envelope first = envelope(stream, 0);
        try (SqliteEventStore store = SqliteEventStore.openIn(dataDir)) {
            store.append(first, new Snapshot(0, "{\"sum\":3}"));
            store.checkpoints().write("t1", "cursor", "42", -1);
        }

        try (SqliteEventStore reopened = SqliteEventStore.openIn(dataDir)) {
            StreamSlice slice = reopened.load(stream, -1);
            assertThat(slice.snapshot()).contains(new Snapshot(0, "{\"sum\":3}"));
            assertThat(reopened.read(stream, 0, 10)).containsExactly(first);
            assertThat(reopened.checkpoints().read("t1", "cursor")).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("42"));
            assertThat(reopened.append(envelope(stream, 0), null)).isEqualTo(AppendResult.CONFLICT);
            assertThat(reopened.tenants()).containsExactly("t1");
        }
    }

    @Test
    void several_stores_opening_one_new_file_at_the_same_moment_all_open() throws Exception {
        for (int round = 0; round < 10; round++) {
            Path file = dataDir.resolve("round-" + round).resolve(SqliteEventStore.FILE_NAME);
            List<SqliteEventStore> opened = java.util.Collections.synchronizedList(new ArrayList<>());
            try {
                dev.foldline.store.contract.Concurrently.run(4, i -> opened.add(SqliteEventStore.open(file)));
                assertThat(opened).hasSize(4);
                assertThat(opened.get(0).append(envelope(new StreamId("t1", "numbers", "a"), 0), null))
                        .isEqualTo(AppendResult.COMMITTED);
            } finally {
                opened.forEach(SqliteEventStore::close);
            }
        }
    }

    @Test
    void two_store_instances_on_one_file_let_exactly_one_append_of_a_version_win() throws Exception {
        StreamId stream = new StreamId("t1", "numbers", "contended");
        int attempts = 20;
        try (SqliteEventStore one = SqliteEventStore.openIn(dataDir);
             SqliteEventStore two = SqliteEventStore.openIn(dataDir)) {
            ExecutorService pool = Executors.newFixedThreadPool(attempts);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<AppendResult>> results = new ArrayList<>();
                for (int i = 0; i < attempts; i++) {
                    SqliteEventStore store = i % 2 == 0 ? one : two;
                    Callable<AppendResult> append = () -> {
                        start.await();
                        return store.append(envelope(stream, 0), null);
                    };
                    results.add(pool.submit(append));
                }
                start.countDown();
                int committed = 0;
                for (Future<AppendResult> result : results) {
                    committed += result.get() == AppendResult.COMMITTED ? 1 : 0;
                }
                assertThat(committed).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(one.read(stream, 0, 10)).hasSize(1);
            assertThat(two.read(stream, 0, 10)).hasSize(1);
        }
    }

    @Test
    void a_snapshot_never_moves_back_to_an_older_version() {
        StreamId stream = new StreamId("t1", "numbers", "snap");
        try (SqliteEventStore store = SqliteEventStore.openIn(dataDir)) {
            store.append(envelope(stream, 0), new Snapshot(0, "{\"v\":0}"));
            store.append(envelope(stream, 1), new Snapshot(1, "{\"v\":1}"));
            store.append(envelope(stream, 2), null);

            StreamSlice slice = store.load(stream, -1);

            assertThat(slice.snapshot()).contains(new Snapshot(1, "{\"v\":1}"));
            assertThat(slice.envelopes()).extracting(Envelope::version).containsExactly(2L);
        }
    }
}
