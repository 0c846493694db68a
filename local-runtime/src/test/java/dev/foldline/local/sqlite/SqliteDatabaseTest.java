package dev.foldline.local.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection pool and transactions under failure and shutdown. */
class SqliteDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void a_failing_rollback_is_attached_to_the_failure_it_follows_and_the_database_keeps_working() throws Exception {
        try (SqliteDatabase database = new SqliteDatabase(dir.resolve("a.db"), 2)) {
            assertThatThrownBy(() -> database.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK"); // ends the transaction, so the store's own ROLLBACK fails
                }
                throw new IllegalStateException("the original failure");
            }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the original failure")
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));

            for (int i = 0; i < 4; i++) {
                int value = i;
                database.write(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        return statement.executeUpdate("INSERT INTO checkpoints VALUES ('t', 'k" + value + "', 'v', 0)");
                    }
                });
            }
            int rows = database.read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM checkpoints")) {
                    count.next();
                    return count.getInt(1);
                }
            });
            assertThat(rows).isEqualTo(4);
        }
    }

    @Test
    void readers_racing_close_fail_or_finish_and_none_waits_forever() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path file = Files.createTempFile(dir, "race", ".db");
            Files.delete(file);
            SqliteDatabase database = new SqliteDatabase(file, 2);
            ExecutorService readers = Executors.newFixedThreadPool(6);
            CountDownLatch started = new CountDownLatch(6);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                done.add(readers.submit(() -> {
                    started.countDown();
                    try {
                        while (true) {
                            database.read(connection -> connection.isValid(1));
                        }
                    } catch (IllegalStateException closed) {
                        return null;
                    }
                }));
            }
            started.await();
            database.close();
            for (Future<?> reader : done) {
                reader.get(60, TimeUnit.SECONDS);
            }
            readers.shutdownNow();
        }
    }
}
