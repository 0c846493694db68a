package dev.foldline.micro;

import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.store.MemoryEventStore;
import dev.foldline.store.Page;
import dev.foldline.store.StreamSlice;
import java.util.List;

/**
 * The memory store with the checkpoints a benchmark gives it and, when {@code encodes}, the CPU
 * work every real store does before it sends a write: the envelope and the snapshot to their
 * stored text. The memory store keeps objects, so without it a command would skip that cost.
 */
final class BenchStore implements EventStore {

    private final MemoryEventStore inner = new MemoryEventStore();
    private final CheckpointStore checkpoints;
    private final boolean encodes;
    /** Keeps the encoded text reachable, so the JIT cannot drop the work. */
    private long storedChars;

    BenchStore(CheckpointStore checkpoints, boolean encodes) {
        this.checkpoints = checkpoints;
        this.encodes = encodes;
    }

    long storedChars() {
        return storedChars;
    }

    @Override
    public StreamSlice load(StreamId stream, long knownVersion) {
        return inner.load(stream, knownVersion);
    }

    @Override
    public AppendResult append(Envelope envelope, Snapshot snapshot) {
        if (encodes) {
            storedChars += EnvelopeCodec.write(envelope).length();
            if (snapshot != null) {
                storedChars += snapshot.stored().length();
            }
        }
        return inner.append(envelope, snapshot);
    }

    @Override
    public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
        return inner.read(stream, fromVersion, toVersion);
    }

    @Override
    public Page readAll(String tenant, String afterPosition, int limit) {
        return inner.readAll(tenant, afterPosition, limit);
    }

    @Override
    public List<String> tenants() {
        return inner.tenants();
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }
}
