package dev.foldline.local;

import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.store.MemoryCheckpointStore;
import dev.foldline.store.Page;
import dev.foldline.store.StreamSlice;
import java.util.List;

/**
 * The durable store's envelopes with checkpoints that live as long as the process. The local
 * projections keep their state in memory and rebuild it by replay at startup, so their progress
 * must be forgotten with them: a durable checkpoint would claim envelopes the fresh handlers never saw.
 */
final class ProcessLocalCheckpoints implements EventStore {

    private final EventStore envelopes;
    private final CheckpointStore checkpoints = new MemoryCheckpointStore();

    ProcessLocalCheckpoints(EventStore envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    public StreamSlice load(StreamId stream, long knownVersion) {
        return envelopes.load(stream, knownVersion);
    }

    @Override
    public AppendResult append(Envelope envelope, Snapshot snapshot) {
        throw new UnsupportedOperationException("projections only read envelopes");
    }

    @Override
    public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
        return envelopes.read(stream, fromVersion, toVersion);
    }

    @Override
    public Page readAll(String tenant, String afterPosition, int limit) {
        return envelopes.readAll(tenant, afterPosition, limit);
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }
}
