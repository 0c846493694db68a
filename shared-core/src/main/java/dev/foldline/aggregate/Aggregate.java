package dev.foldline.aggregate;

import dev.foldline.model.StreamId;

/**
 * One aggregate as loaded: its state after the envelope at {@code version}.
 *
 * @param snapshotVersion the version of the newest stored snapshot, -1 for none
 */
public record Aggregate<S>(AggregateType<S> type, StreamId stream, long version, S state, long snapshotVersion) {

    public static <S> Aggregate<S> fresh(AggregateType<S> type, StreamId stream) {
        return new Aggregate<>(type, stream, -1, type.initialState(), -1);
    }

    public String id() {
        return stream.aggregateId();
    }
}
