package dev.foldline.projection;

import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.MemoryCheckpointStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Checkpoints in memory that count the writes asked of them, and can lose every compare-and-set. */
final class CountingCheckpoints implements CheckpointStore {

    private final MemoryCheckpointStore inner = new MemoryCheckpointStore();
    private final boolean alwaysContended;
    final AtomicInteger writes = new AtomicInteger();

    CountingCheckpoints(boolean alwaysContended) {
        this.alwaysContended = alwaysContended;
    }

    @Override
    public Optional<Checkpoint> read(String tenant, String key) {
        return inner.read(tenant, key);
    }

    @Override
    public boolean write(String tenant, String key, String value, long expectedRevision) {
        writes.incrementAndGet();
        return !alwaysContended && inner.write(tenant, key, value, expectedRevision);
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
