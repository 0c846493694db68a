package dev.foldline.aggregate;

import dev.foldline.model.RecordedKey;
import dev.foldline.model.StreamId;
import java.util.Map;

/**
 * One aggregate as loaded: its state after the envelope at {@code version}.
 *
 * @param snapshotVersion the version of the newest stored snapshot, -1 for none
 * @param keys            the idempotency keys of its envelopes within the retention window, by key
 */
public record Aggregate<S>(AggregateType<S> type, StreamId stream, long version, S state, long snapshotVersion,
                           Map<String, RecordedKey> keys) {

    public Aggregate {
        keys = Map.copyOf(keys);
    }

    public static <S> Aggregate<S> fresh(AggregateType<S> type, StreamId stream) {
        return new Aggregate<>(type, stream, -1, type.initialState(), -1, Map.of());
    }

    public String id() {
        return stream.aggregateId();
    }
}
