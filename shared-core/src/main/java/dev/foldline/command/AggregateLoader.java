package dev.foldline.command;

import dev.foldline.aggregate.Aggregate;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.RecordedKey;
import dev.foldline.model.Snapshot;
import dev.foldline.store.EventStore;
import dev.foldline.store.StreamSlice;
import dev.foldline.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Brings an aggregate up to date from the store: snapshot (if newer) plus the envelopes after it. */
final class AggregateLoader {

    private final EventStore store;
    private final Tracer tracer;
    private final KeyRetention retention;

    AggregateLoader(EventStore store, Tracer tracer, KeyRetention retention) {
        this.store = store;
        this.tracer = tracer;
        this.retention = retention;
    }

    /** The aggregate brought up to date, with what the store returned to do it. */
    record CaughtUp<S>(Aggregate<S> aggregate, StreamSlice slice) {
    }

    <S> Aggregate<S> catchUp(Aggregate<S> known) {
        return catchUpShowing(known).aggregate();
    }

    <S> CaughtUp<S> catchUpShowing(Aggregate<S> known) {
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            StreamSlice slice = store.load(known.stream(), known.version());
            return new CaughtUp<>(fold(known, slice), slice);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            tracer.trace(new Tracer.Span(Tracer.Operation.LOAD, known.stream().tenant(), known.stream().toString(),
                    known.type().name(), System.nanoTime() - started, failure));
        }
    }

    /**
     * The aggregate as of {@code version}: from the nearest snapshot at or below it, then the tail;
     * empty when the stream never reached that version.
     */
    <S> Optional<Aggregate<S>> asOf(Aggregate<S> fresh, long version) {
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            Aggregate<S> folded = fold(fresh, store.loadAt(fresh.stream(), version));
            return folded.version() == version ? Optional.of(folded) : Optional.empty();
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            tracer.trace(new Tracer.Span(Tracer.Operation.LOAD, fresh.stream().tenant(),
                    fresh.stream() + "@" + version, fresh.type().name(), System.nanoTime() - started, failure));
        }
    }

    private <S> Aggregate<S> fold(Aggregate<S> known, StreamSlice slice) {
        AggregateType<S> type = known.type();
        S state = known.state();
        long version = known.version();
        long snapshotVersion = known.snapshotVersion();
        List<RecordedKey> keys = new ArrayList<>();
        if (slice.snapshot().isPresent() && slice.snapshot().get().version() > version) {
            Snapshot snapshot = slice.snapshot().get();
            state = type.stateFromJson(snapshot.stateJson());
            version = snapshot.version();
            snapshotVersion = snapshot.version();
            keys.addAll(snapshot.keys());
        }
        for (Envelope envelope : slice.envelopes()) {
            if (envelope.version() <= version) {
                continue;
            }
            if (envelope.version() != version + 1) {
                throw new IllegalStateException("store returned version " + envelope.version() + " after "
                        + version + " for " + known.stream());
            }
            for (Event event : envelope.events()) {
                state = type.apply(state, event);
            }
            version = envelope.version();
            if (envelope.idempotencyKey() != null) {
                keys.add(RecordedKey.of(envelope));
            }
        }
        return new Aggregate<>(type, known.stream(), version, state, snapshotVersion,
                retention.remember(known.keys(), keys));
    }
}
