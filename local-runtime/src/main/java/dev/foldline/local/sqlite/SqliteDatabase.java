package dev.foldline.local.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * One SQLite file shared by many threads. A JDBC connection is not thread-safe, so each operation
 * borrows one of a few pooled connections. Reads run concurrently (WAL lets readers proceed while
 * one writer writes); writes additionally take one in-process lock, because SQLite admits a single
 * writer anyway and queueing here is cheaper and fairer than spinning on SQLITE_BUSY.
 *
 * <p>Durability: WAL with {@code synchronous=FULL}, so a transaction that returned from commit is
 * on disk: an acknowledged command survives a kill, a crash and a power cut.
 */
final class SqliteDatabase implements AutoCloseable {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS envelopes (
                seq            INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant         TEXT    NOT NULL,
                aggregate_type TEXT    NOT NULL,
                aggregate_id   TEXT    NOT NULL,
                version        INTEGER NOT NULL,
                body           TEXT    NOT NULL,
                UNIQUE (tenant, aggregate_type, aggregate_id, version)
            );
            CREATE INDEX IF NOT EXISTS envelopes_by_tenant ON envelopes (tenant, seq);
            CREATE TABLE IF NOT EXISTS snapshots (
                tenant         TEXT    NOT NULL,
                aggregate_type TEXT    NOT NULL,
                aggregate_id   TEXT    NOT NULL,
                version        INTEGER NOT NULL,
                state          TEXT    NOT NULL,
                PRIMARY KEY (tenant, aggregate_type, aggregate_id)
            );
            CREATE TABLE IF NOT EXISTS checkpoints (
                tenant   TEXT    NOT NULL,
                key      TEXT    NOT NULL,
                value    TEXT    NOT NULL,
                revision INTEGER NOT NULL,
                PRIMARY KEY (tenant, key)
            );
            """;

    private static final System.Logger LOG = System.getLogger(SqliteDatabase.class.getName());

    private final Path file;
    private final int poolSize;
    private final BlockingQueue<Connection> pool;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private volatile boolean closed;

    private static final int OPEN_ATTEMPTS = 20;

    SqliteDatabase(Path file, int poolSize) {
        this.file = file.toAbsolutePath();
        this.poolSize = poolSize;
        this.pool = new ArrayBlockingQueue<>(poolSize);
        try {
            Files.createDirectories(this.file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + this.file.getParent(), e);
        }
        pool.addAll(openPool());
    }

    /**
     * Opens the connections and creates the schema. Switching a new file to WAL takes an exclusive
     * lock that the busy timeout does not cover, so a store opening the file while another does the
     * same can see SQLITE_BUSY: that attempt is retried from scratch.
     */
    private List<Connection> openPool() {
        for (int attempt = 1; ; attempt++) {
            List<Connection> opened = new ArrayList<>();
            try {
                for (int i = 0; i < poolSize; i++) {
                    opened.add(open());
                }
                try (Statement statement = opened.get(0).createStatement()) {
                    statement.executeUpdate(SCHEMA);
                }
                return opened;
            } catch (SQLException e) {
                opened.forEach(SqliteDatabase::closeQuietly);
                boolean busy = e.getErrorCode() == SQLiteErrorCode.SQLITE_BUSY.code
                        || e.getErrorCode() == SQLiteErrorCode.SQLITE_LOCKED.code;
                if (!busy || attempt == OPEN_ATTEMPTS) {
                    throw new SqliteStoreException("cannot open " + file, e);
                }
                pauseBeforeReopening(attempt);
            }
        }
    }

    private static void pauseBeforeReopening(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the database", interrupted);
        }
    }

    Path file() {
        return file;
    }

    /** Runs statements that only read, each in its own implicit transaction. */
    <T> T read(Work<T> work) {
        Connection connection = borrow();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new SqliteStoreException("read failed on " + file, e);
        } finally {
            pool.add(connection);
        }
    }

    /**
     * Runs the work in one write transaction: committed if it returns, rolled back if it throws.
     * BEGIN IMMEDIATE takes SQLite's write lock up front, so another process on the same file
     * cannot slip in between this transaction's reads and its writes.
     */
    <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            Connection connection = borrow();
            boolean reusable = true;
            try (Statement control = connection.createStatement()) {
                control.execute("BEGIN IMMEDIATE");
                try {
                    T result = work.run(connection);
                    control.execute("COMMIT");
                    return result;
                } catch (SQLException | RuntimeException e) {
                    reusable = rollBack(control, e);
                    throw e;
                }
            } catch (SQLException e) {
                throw new SqliteStoreException("write failed on " + file, e);
            } finally {
                giveBack(connection, reusable);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Rolls back after a failure. A failing ROLLBACK is attached to the failure that caused it,
     * never thrown in its place, and its connection (which may still hold the transaction) is not
     * reused: false.
     */
    private static boolean rollBack(Statement control, Exception cause) {
        try {
            control.execute("ROLLBACK");
            return true;
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
            return false;
        }
    }

    /** Returns a connection to the pool, or replaces one that cannot be trusted with a new one. */
    private void giveBack(Connection connection, boolean reusable) {
        if (reusable) {
            pool.add(connection);
            return;
        }
        closeQuietly(connection);
        try {
            pool.add(open());
        } catch (SQLException e) {
            // The pool is one connection short until the runtime restarts; reads and writes still work.
            LOG.log(System.Logger.Level.WARNING, "could not replace a connection to " + file, e);
        }
    }

    /** Waits for operations in flight to give their connections back, then closes them all. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < poolSize; i++) {
            try {
                Connection connection = pool.poll(30, TimeUnit.SECONDS);
                if (connection != null) {
                    closeQuietly(connection);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Takes a connection, or fails once the store is closed: a caller that checked before close()
     * drained the pool must not wait forever for a connection that will never come back.
     */
    private Connection borrow() {
        try {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the store at " + file + " is closed");
                }
                Connection connection = pool.poll(100, TimeUnit.MILLISECONDS);
                if (connection != null) {
                    if (closed) {
                        pool.add(connection); // close() is collecting them
                        throw new IllegalStateException("the store at " + file + " is closed");
                    }
                    return connection;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a connection", e);
        }
    }

    private Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort; the file stays consistent whatever happens here.
        }
    }
}
