package dev.foldline.command;

import dev.foldline.aggregate.Aggregate;
import dev.foldline.model.StreamId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, least-recently-used cache of loaded aggregates keyed by stream (tenant, type, id).
 * Cached state is only a starting point: the conditional append catches anything stale.
 */
final class AggregateCache {

    private final int capacity;
    private final Map<StreamId, Aggregate<?>> entries;

    AggregateCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<StreamId, Aggregate<?>> eldest) {
                return size() > AggregateCache.this.capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    synchronized <S> Aggregate<S> get(StreamId stream) {
        return capacity == 0 ? null : (Aggregate<S>) entries.get(stream);
    }

    /**
     * Keeps the newer of the cached and the given aggregate. An aggregate with no envelopes is not
     * kept: reads of ids that do not exist would otherwise fill the cache with nothing.
     */
    synchronized void put(Aggregate<?> aggregate) {
        if (capacity == 0 || aggregate.version() < 0) {
            return;
        }
        Aggregate<?> current = entries.get(aggregate.stream());
        if (current == null || current.version() < aggregate.version()) {
            entries.put(aggregate.stream(), aggregate);
        }
    }

    synchronized void evict(StreamId stream) {
        entries.remove(stream);
    }
}
