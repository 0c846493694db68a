package dev.foldline.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Checkpoints in memory, compare-and-set under one lock. */
public final class MemoryCheckpointStore implements CheckpointStore {

    private final Map<String, TreeMap<String, Checkpoint>> tenants = new TreeMap<>();

    @Override
    public synchronized Optional<Checkpoint> read(String tenant, String key) {
        return Optional.ofNullable(space(tenant).get(key));
    }

    @Override
    public synchronized boolean write(String tenant, String key, String value, long expectedRevision) {
        TreeMap<String, Checkpoint> space = space(tenant);
        Checkpoint current = space.get(key);
        long revision = current == null ? Checkpoint.ABSENT : current.revision();
        if (revision != expectedRevision) {
            return false;
        }
        space.put(key, new Checkpoint(value, revision + 1));
        return true;
    }

    @Override
    public synchronized boolean delete(String tenant, String key, long expectedRevision) {
        TreeMap<String, Checkpoint> space = space(tenant);
        Checkpoint current = space.get(key);
        if (current == null || current.revision() != expectedRevision) {
            return false;
        }
        space.remove(key);
        return true;
    }

    @Override
    public synchronized Map<String, Checkpoint> list(String tenant, String keyPrefix) {
        Map<String, Checkpoint> found = new LinkedHashMap<>();
        for (Map.Entry<String, Checkpoint> e : space(tenant).tailMap(keyPrefix, true).entrySet()) {
            if (!e.getKey().startsWith(keyPrefix)) {
                break;
            }
            found.put(e.getKey(), e.getValue());
        }
        return found;
    }

    private TreeMap<String, Checkpoint> space(String tenant) {
        return tenants.computeIfAbsent(tenant, t -> new TreeMap<>());
    }
}
