package dev.foldline.store;

import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference store: everything in memory, every operation under one lock. A tenant's position
 * is the index of the envelope in the tenant's commit log, so commit order is read order and a
 * late commit can only land after what a reader has seen.
 */
public final class MemoryEventStore implements EventStore {

    private final Map<StreamId, List<Envelope>> streams = new HashMap<>();
    /** Every snapshot taken, by version: a versioned read starts from the nearest one below it. */
    private final Map<StreamId, TreeMap<Long, Snapshot>> snapshots = new HashMap<>();
    private final Map<String, List<Envelope>> tenantLogs = new HashMap<>();
    private final MemoryCheckpointStore checkpoints = new MemoryCheckpointStore();

    @Override
    public synchronized StreamSlice load(StreamId stream, long knownVersion) {
        return sliceFrom(stream, Optional.ofNullable(snapshots.get(stream)).map(TreeMap::lastEntry)
                .map(Map.Entry::getValue).filter(s -> s.version() > knownVersion), knownVersion, Long.MAX_VALUE);
    }

    @Override
    public synchronized StreamSlice loadAt(StreamId stream, long version) {
        return sliceFrom(stream, Optional.ofNullable(snapshots.get(stream)).map(s -> s.floorEntry(version))
                .map(Map.Entry::getValue), -1, version);
    }

    private StreamSlice sliceFrom(StreamId stream, Optional<Snapshot> snapshot, long knownVersion, long toVersion) {
        long after = snapshot.map(Snapshot::version).orElse(knownVersion);
        return new StreamSlice(snapshot, read(stream, after + 1, toVersion));
    }

    @Override
    public synchronized AppendResult append(Envelope envelope, Snapshot snapshot) {
        List<Envelope> stream = streams.computeIfAbsent(envelope.stream(), s -> new ArrayList<>());
        if (envelope.version() < stream.size()) {
            return envelope.sameAttempt(stream.get((int) envelope.version()))
                    ? AppendResult.COMMITTED : AppendResult.CONFLICT;
        }
        if (envelope.version() > stream.size()) {
            return AppendResult.CONFLICT;
        }
        stream.add(envelope);
        tenantLogs.computeIfAbsent(envelope.tenant(), t -> new ArrayList<>()).add(envelope);
        if (snapshot != null) {
            snapshots.computeIfAbsent(envelope.stream(), s -> new TreeMap<>()).put(snapshot.version(), snapshot);
        }
        return AppendResult.COMMITTED;
    }

    @Override
    public synchronized List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
        List<Envelope> all = streams.getOrDefault(stream, List.of());
        int from = (int) Math.max(0, fromVersion);
        int to = (int) Math.min(all.size() - 1L, toVersion);
        return from > to ? List.of() : List.copyOf(all.subList(from, to + 1));
    }

    @Override
    public synchronized Page readAll(String tenant, String afterPosition, int limit) {
        List<Envelope> log = tenantLogs.getOrDefault(tenant, List.of());
        int from = afterPosition == null ? 0 : Integer.parseInt(afterPosition);
        int to = Math.min(log.size(), from + limit);
        return new Page(log.subList(from, to), Integer.toString(to), to < log.size());
    }

    @Override
    public synchronized List<String> tenants() {
        return tenantLogs.keySet().stream().sorted().toList();
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }
}
