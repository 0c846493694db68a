package dev.foldline.bench;

import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.store.Page;
import dev.foldline.store.StreamSlice;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls a store receives, so each result can say how many round trips a command cost
 * (the README promises: warm = 1 append, cold = 1 load + 1 append, conflict = 1 extra load).
 * Checkpoints are passed through uncounted: the command path does not use them.
 */
public final class CountingEventStore implements EventStore {

    private final EventStore delegate;
    private final LongAdder loads = new LongAdder();
    private final LongAdder appends = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private final LongAdder readAlls = new LongAdder();

    public CountingEventStore(EventStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public StreamSlice load(StreamId stream, long knownVersion) {
        loads.increment();
        return delegate.load(stream, knownVersion);
    }

    @Override
    public AppendResult append(Envelope envelope, Snapshot snapshot) {
        appends.increment();
        AppendResult result = delegate.append(envelope, snapshot);
        if (result == AppendResult.CONFLICT) {
            conflicts.increment();
        }
        return result;
    }

    @Override
    public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
        reads.increment();
        return delegate.read(stream, fromVersion, toVersion);
    }

    @Override
    public Page readAll(String tenant, String afterPosition, int limit) {
        readAlls.increment();
        return delegate.readAll(tenant, afterPosition, limit);
    }

    @Override
    public StreamSlice loadAt(StreamId stream, long version) {
        loads.increment();
        return delegate.loadAt(stream, version);
    }

    @Override
    public List<String> tenants() {
        return delegate.tenants();
    }

    @Override
    public boolean recognisesOwnResend() {
        return delegate.recognisesOwnResend();
    }

    @Override
    public CheckpointStore checkpoints() {
        return delegate.checkpoints();
    }

    public StoreCalls calls() {
        return new StoreCalls(loads.sum(), appends.sum(), conflicts.sum(), reads.sum(), readAlls.sum());
    }

    public void reset() {
        for (LongAdder counter : List.of(loads, appends, conflicts, reads, readAlls)) {
            counter.reset();
        }
    }
}
