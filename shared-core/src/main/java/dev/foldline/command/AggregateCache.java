package dev.foldline.command;

import dev.foldline.aggregate.Aggregate;
import dev.foldline.model.StreamId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, least-recently-used cache of loaded aggregates keyed by stream (tenant, type, id),
 * bounded both in entries and in estimated bytes, so that a few huge aggregates cannot take the
 * memory that many small ones would. Cached state is only a starting point: the conditional append
 * catches anything stale.
 *
 * <p>An entry's size is estimated from its state's JSON (twice its length, for the object graph
 * behind it, plus the remembered idempotency keys). Serialising a state costs time, so an entry is
 * weighed again only every {@value #REWEIGH_EVERY} versions; between weighings the estimate lags by
 * at most that many commands' growth.
 */
final class AggregateCache {

    static final int REWEIGH_EVERY = 16;
    private static final long OVERHEAD_BYTES = 256;
    private static final long BYTES_PER_KEY = 160;

    private record Entry(Aggregate<?> aggregate, long bytes, long weighedAt) {
    }

    private final int capacity;
    private final long maxBytes;
    private final LinkedHashMap<StreamId, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    AggregateCache(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    @SuppressWarnings("unchecked")
    synchronized <S> Aggregate<S> get(StreamId stream) {
        Entry entry = capacity == 0 ? null : entries.get(stream);
        return entry == null ? null : (Aggregate<S>) entry.aggregate();
    }

    /**
     * Keeps the newer of the cached and the given aggregate. An aggregate with no envelopes is not
     * kept: reads of ids that do not exist would otherwise fill the cache with nothing.
     */
    synchronized void put(Aggregate<?> aggregate) {
        if (capacity == 0 || aggregate.version() < 0) {
            return;
        }
        Entry current = entries.get(aggregate.stream());
        if (current != null && current.aggregate().version() >= aggregate.version()) {
            return;
        }
        Entry entry = current != null && aggregate.version() - current.weighedAt() < REWEIGH_EVERY
                ? new Entry(aggregate, current.bytes(), current.weighedAt())
                : new Entry(aggregate, weigh(aggregate), aggregate.version());
        if (entry.bytes() > maxBytes) {
            evict(aggregate.stream());
            return;
        }
        if (current != null) {
            bytes -= current.bytes();
        }
        entries.put(aggregate.stream(), entry);
        bytes += entry.bytes();
        Iterator<Entry> eldest = entries.values().iterator();
        while (entries.size() > capacity || bytes > maxBytes) {
            bytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    synchronized void evict(StreamId stream) {
        Entry removed = entries.remove(stream);
        if (removed != null) {
            bytes -= removed.bytes();
        }
    }

    /** The estimated bytes of everything cached. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    private static <S> long weigh(Aggregate<S> aggregate) {
        return OVERHEAD_BYTES + 2L * aggregate.type().stateToJson(aggregate.state()).length()
                + BYTES_PER_KEY * aggregate.keys().size();
    }
}
