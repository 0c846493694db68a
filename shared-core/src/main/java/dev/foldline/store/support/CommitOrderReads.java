package dev.foldline.store.support;

import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns what a store found in commit order into a {@link Page} of
 * {@link dev.foldline.store.EventStore#readAll readAll}: the first {@code limit} candidates by
 * commit key, each stream's envelopes in version order, and the {@link ReadPosition} to resume
 * from. See the package documentation for how a store uses it.
 */
public final class CommitOrderReads {

    private CommitOrderReads() {
    }

    /**
     * The page of {@code candidates}: items the store found at or after {@code position}'s
     * watermark that {@code position} had not delivered, in any order and from any number of
     * partitions (each partition read up to {@code limit + 1} new items, so that "more" is known).
     * Only the items handed out are decoded.
     *
     * @param commitKey     the item's {@link SortableKeys#commitKey commit key}
     * @param envelope      decodes the item
     * @param settledBefore now minus the store's settle window
     */
    public static <T> Page page(List<T> candidates, Function<T, String> commitKey, Function<T, Envelope> envelope,
                                ReadPosition position, int limit, Instant settledBefore) {
        return page(candidates, commitKey, envelope, position, limit, settledBefore, MAX_DELIVERED);
    }

    /**
     * The most commit keys a position carries. A reader tailing a tenant that commits more than
     * this within one settle window is handed out no more until the oldest of them settle: it falls
     * behind for a while, never misses an envelope, and its position (kept in a checkpoint item by
     * the poll reader) stays bounded in size.
     */
    public static final int MAX_DELIVERED = 2_000;

    static <T> Page page(List<T> candidates, Function<T, String> commitKey, Function<T, Envelope> envelope,
                         ReadPosition position, int limit, Instant settledBefore, int maxDelivered) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        List<T> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(commitKey));
        boolean more = sorted.size() > limit;
        List<T> handedOut = sorted.subList(0, Math.min(limit, sorted.size()));
        List<String> keys = handedOut.stream().map(commitKey).toList();
        ReadPosition next = position.after(keys, more, settledBefore);
        if (next.delivered().size() > maxDelivered) {
            // Hand out only as many as the position can remember; the rest wait for older keys to settle.
            List<String> all = keys;
            int room = Math.max(0, all.size() - (next.delivered().size() - maxDelivered));
            do {
                keys = all.subList(0, room);
                more = room > 0;
                next = position.after(keys, more, settledBefore);
            } while (next.delivered().size() > maxDelivered && room-- > 0);
            handedOut = handedOut.subList(0, keys.size());
        }
        return new Page(inVersionOrder(handedOut.stream().map(envelope).toList()), next.encode(), more);
    }

    /**
     * The envelopes in the order given, except that each stream's envelopes take that stream's
     * slots in version order. Commit stamps of one stream can disagree with its versions (clocks
     * of different writers), while readers need each aggregate's envelopes by version.
     */
    public static List<Envelope> inVersionOrder(List<Envelope> envelopes) {
        Map<StreamId, List<Envelope>> byStream = new LinkedHashMap<>();
        for (Envelope envelope : envelopes) {
            byStream.computeIfAbsent(envelope.stream(), s -> new ArrayList<>()).add(envelope);
        }
        byStream.values().forEach(list -> list.sort(Comparator.comparingLong(Envelope::version)));
        Map<StreamId, Integer> taken = new LinkedHashMap<>();
        List<Envelope> ordered = new ArrayList<>(envelopes.size());
        for (Envelope envelope : envelopes) {
            int index = taken.merge(envelope.stream(), 1, Integer::sum) - 1;
            ordered.add(byStream.get(envelope.stream()).get(index));
        }
        return ordered;
    }
}
