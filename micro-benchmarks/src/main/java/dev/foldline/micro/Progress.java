package dev.foldline.micro;

import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.MemoryCheckpointStore;
import java.util.Map;
import java.util.Optional;

/**
 * Checkpoints in memory that count the writes asked of them and can forget everything, so that a
 * benchmark can deliver the same batch again as if for the first time.
 */
final class Progress implements CheckpointStore {

    private CheckpointStore inner = new MemoryCheckpointStore();
    private long writes;

    void forget() {
        inner = new MemoryCheckpointStore();
    }

    long writes() {
        return writes;
    }

    @Override
    public Optional<Checkpoint> read(String tenant, String key) {
        return inner.read(tenant, key);
    }

    @Override
    public boolean write(String tenant, String key, String value, long expectedRevision) {
        writes++;
        return inner.write(tenant, key, value, expectedRevision);
    }

    @Override
    public boolean delete(String tenant, String key, long expectedRevision) {
        return inner.delete(tenant, key, expectedRevision);
    }

    @Override
    public Map<String, Checkpoint> list(String tenant, String keyPrefix) {
        return inner.list(tenant, keyPrefix);
    }
}
