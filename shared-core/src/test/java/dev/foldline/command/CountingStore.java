package dev.foldline.command;

import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.store.Page;
import dev.foldline.store.StreamSlice;
import java.util.ArrayList;
import java.util.List;

/** Wraps a store and records the calls the command handler makes. */
final class CountingStore implements EventStore {

    private final EventStore inner;
    final List<String> calls = new ArrayList<>();

    CountingStore(EventStore inner) {
        this.inner = inner;
    }

    @Override
    public StreamSlice load(StreamId stream, long knownVersion) {
        calls.add("load");
        return inner.load(stream, knownVersion);
    }

    @Override
    public AppendResult append(Envelope envelope, Snapshot snapshot) {
        AppendResult result = inner.append(envelope, snapshot);
        calls.add(result == AppendResult.COMMITTED ? "append" : "conflict");
        return result;
    }

    @Override
    public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
        calls.add("read");
        return inner.read(stream, fromVersion, toVersion);
    }

    @Override
    public Page readAll(String tenant, String afterPosition, int limit) {
        calls.add("readAll");
        return inner.readAll(tenant, afterPosition, limit);
    }

    @Override
    public List<String> tenants() {
        return inner.tenants();
    }

    @Override
    public CheckpointStore checkpoints() {
        return inner.checkpoints();
    }
}
