package dev.foldline.local.sqlite;

import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.store.Page;
import dev.foldline.store.StreamSlice;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded store: one SQLite file, safe for many threads.
 *
 * <ul>
 *   <li><b>Conditional append.</b> An envelope is inserted only if its version follows the stream's
 *   latest, checked inside the write transaction; the unique key (tenant, type, id, version) is the
 *   backstop should another process write the same file.</li>
 *   <li><b>Atomic snapshot.</b> The snapshot is upserted in the envelope's transaction, and only
 *   ever moves forward.</li>
 *   <li><b>Positions.</b> A tenant's read position is the envelope's {@code seq}, an
 *   AUTOINCREMENT key assigned inside the write transaction. SQLite serialises writers (one write
 *   transaction at a time per file, across threads and processes), so seq order is commit order:
 *   no envelope can become visible with a seq below one a reader has already passed, and a reader
 *   resuming after a seq never misses a late commit.</li>
 * </ul>
 */
public final class SqliteEventStore implements EventStore, AutoCloseable {

    public static final String FILE_NAME = "foldline.db";

    private static final String STREAM = "tenant = ? AND aggregate_type = ? AND aggregate_id = ?";

    private final SqliteDatabase database;
    private final SqliteCheckpointStore checkpoints;

    private SqliteEventStore(SqliteDatabase database) {
        this.database = database;
        this.checkpoints = new SqliteCheckpointStore(database);
    }

    /** Opens (creating if needed) {@value #FILE_NAME} in the data folder. */
    public static SqliteEventStore openIn(Path dataDir) {
        return open(dataDir.resolve(FILE_NAME));
    }

    public static SqliteEventStore open(Path file) {
        return new SqliteEventStore(new SqliteDatabase(file, 4));
    }

    public Path file() {
        return database.file();
    }

    @Override
    public StreamSlice load(StreamId stream, long knownVersion) {
        return database.read(connection -> {
            // Snapshot first: it only moves forward, so the envelopes read after it always join up.
            Optional<Snapshot> snapshot = snapshot(connection, stream).filter(s -> s.version() > knownVersion);
            long after = snapshot.map(Snapshot::version).orElse(knownVersion);
            return new StreamSlice(snapshot, envelopes(connection, stream, after + 1, Long.MAX_VALUE));
        });
    }

    /**
     * One read transaction: the stream keeps only its newest snapshot, which serves when it is at or
     * below the version; otherwise the envelopes are replayed from the first.
     */
    @Override
    public StreamSlice loadAt(StreamId stream, long version) {
        return database.read(connection -> {
            Optional<Snapshot> snapshot = snapshot(connection, stream).filter(s -> s.version() <= version);
            long after = snapshot.map(Snapshot::version).orElse(-1L);
            return new StreamSlice(snapshot, envelopes(connection, stream, after + 1, version));
        });
    }

    @Override
    public AppendResult append(Envelope envelope, Snapshot snapshot) {
        if (snapshot != null && snapshot.version() != envelope.version()) {
            throw new IllegalArgumentException("the snapshot must have the envelope's version");
        }
        StreamId stream = envelope.stream();
        try {
            return database.write(connection -> {
                long latest = latestVersion(connection, stream);
                if (envelope.version() != latest + 1) {
                    boolean mine = envelope.version() <= latest && envelopes(connection, stream,
                            envelope.version(), envelope.version()).stream().anyMatch(envelope::sameAttempt);
                    return mine ? AppendResult.COMMITTED : AppendResult.CONFLICT;
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO envelopes (tenant, aggregate_type, aggregate_id, version, body) VALUES (?, ?, ?, ?, ?)")) {
                    bindStream(insert, stream);
                    insert.setLong(4, envelope.version());
                    insert.setString(5, EnvelopeCodec.write(envelope));
                    insert.executeUpdate();
                }
                if (snapshot != null) {
                    saveSnapshot(connection, stream, snapshot);
                }
                return AppendResult.COMMITTED;
            });
        } catch (SqliteStoreException e) {
            if (e.getCause() instanceof SQLiteException sqlite
                    && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                return AppendResult.CONFLICT;
            }
            throw e;
        }
    }

    @Override
    public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
        return database.read(connection -> envelopes(connection, stream, fromVersion, toVersion));
    }

    @Override
    public Page readAll(String tenant, String afterPosition, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        long after = afterPosition == null ? 0 : parsePosition(afterPosition);
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT seq, body FROM envelopes WHERE tenant = ? AND seq > ? ORDER BY seq LIMIT ?")) {
                query.setString(1, tenant);
                query.setLong(2, after);
                query.setInt(3, limit + 1);
                List<Envelope> envelopes = new ArrayList<>();
                long last = after;
                boolean more = false;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (envelopes.size() == limit) {
                            more = true;
                            break;
                        }
                        last = rows.getLong(1);
                        envelopes.add(EnvelopeCodec.read(rows.getString(2)));
                    }
                }
                return new Page(envelopes, Long.toString(last), more);
            }
        });
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** Every tenant with at least one envelope: one query of the envelopes' primary key (its first column). */
    @Override
    public List<String> tenants() {
        return database.read(connection -> {
            List<String> tenants = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT tenant FROM envelopes ORDER BY tenant");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tenants.add(rows.getString(1));
                }
            }
            return tenants;
        });
    }

    /** Waits for operations in flight, then closes the file. */
    @Override
    public void close() {
        database.close();
    }

    private static long parsePosition(String position) {
        try {
            long value = Long.parseLong(position);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a position of this store: " + position);
        }
    }

    private static long latestVersion(Connection connection, StreamId stream) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COALESCE(MAX(version), -1) FROM envelopes WHERE " + STREAM)) {
            bindStream(query, stream);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<Envelope> envelopes(Connection connection, StreamId stream, long from, long to)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT body FROM envelopes WHERE " + STREAM + " AND version BETWEEN ? AND ? ORDER BY version")) {
            bindStream(query, stream);
            query.setLong(4, from);
            query.setLong(5, to);
            List<Envelope> envelopes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    envelopes.add(EnvelopeCodec.read(rows.getString(1)));
                }
            }
            return envelopes;
        }
    }

    private static Optional<Snapshot> snapshot(Connection connection, StreamId stream) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT version, state FROM snapshots WHERE " + STREAM)) {
            bindStream(query, stream);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(Snapshot.fromStored(rows.getLong(1), rows.getString(2))) : Optional.empty();
            }
        }
    }

    private static void saveSnapshot(Connection connection, StreamId stream, Snapshot snapshot) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO snapshots (tenant, aggregate_type, aggregate_id, version, state) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant, aggregate_type, aggregate_id)
                DO UPDATE SET version = excluded.version, state = excluded.state
                WHERE excluded.version > snapshots.version
                """)) {
            bindStream(upsert, stream);
            upsert.setLong(4, snapshot.version());
            upsert.setString(5, snapshot.stored());
            upsert.executeUpdate();
        }
    }

    private static void bindStream(PreparedStatement statement, StreamId stream) throws SQLException {
        statement.setString(1, stream.tenant());
        statement.setString(2, stream.aggregateType());
        statement.setString(3, stream.aggregateId());
    }
}
