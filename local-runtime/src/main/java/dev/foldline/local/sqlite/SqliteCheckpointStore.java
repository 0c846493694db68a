package dev.foldline.local.sqlite;

import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Checkpoints in the store's file; each compare-and-set is one conditional statement. */
final class SqliteCheckpointStore implements CheckpointStore {

    private final SqliteDatabase database;

    SqliteCheckpointStore(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Checkpoint> read(String tenant, String key) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT value, revision FROM checkpoints WHERE tenant = ? AND key = ?")) {
                query.setString(1, tenant);
                query.setString(2, key);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(new Checkpoint(rows.getString(1), rows.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean write(String tenant, String key, String value, long expectedRevision) {
        String sql = expectedRevision == Checkpoint.ABSENT
                ? "INSERT INTO checkpoints (tenant, key, value, revision) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING"
                : "UPDATE checkpoints SET value = ?3, revision = revision + 1 WHERE tenant = ?1 AND key = ?2 AND revision = ?4";
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, tenant);
                statement.setString(2, key);
                statement.setString(3, value);
                if (expectedRevision != Checkpoint.ABSENT) {
                    statement.setLong(4, expectedRevision);
                }
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String tenant, String key, long expectedRevision) {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM checkpoints WHERE tenant = ? AND key = ? AND revision = ?")) {
                statement.setString(1, tenant);
                statement.setString(2, key);
                statement.setLong(3, expectedRevision);
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Map<String, Checkpoint> list(String tenant, String keyPrefix) {
        return database.read(connection -> {
            // Keys sharing a prefix are one contiguous range in the primary key's order.
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT key, value, revision FROM checkpoints WHERE tenant = ? AND key >= ? ORDER BY key")) {
                query.setString(1, tenant);
                query.setString(2, keyPrefix);
                Map<String, Checkpoint> found = new LinkedHashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next() && rows.getString(1).startsWith(keyPrefix)) {
                        found.put(rows.getString(1), new Checkpoint(rows.getString(2), rows.getLong(3)));
                    }
                }
                return found;
            }
        });
    }
}
