package dev.foldline.store.contract;

import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.projection.EventHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A handler that records the envelope versions it applied per stream, and fails on request. */
public final class RecordingHandler implements EventHandler {

    private final String name;
    private final Map<String, List<Long>> applied = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> failedOnce = new HashSet<>();
    private int attempts;

    public RecordingHandler(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Reaction> reactions() {
        return Map.of("Happened", this::record, "NumbersAdded", this::record);
    }

    /** Makes every attempt at this "id@version" fail until {@link #recover()} is called. */
    public RecordingHandler failOn(String aggregateId, long version) {
        failing.add(aggregateId + "@" + version);
        return this;
    }

    public void recover() {
        failing.clear();
    }

    private synchronized void record(Envelope envelope, Event event) {
        attempts++;
        String mark = envelope.stream().aggregateId() + "@" + envelope.version();
        if (failing.contains(mark)) {
            failedOnce.add(mark);
            throw new IllegalStateException("handler refuses " + mark);
        }
        applied.computeIfAbsent(envelope.stream().aggregateId(), id -> new ArrayList<>()).add(envelope.version());
    }

    public synchronized List<Long> applied(String aggregateId) {
        return List.copyOf(applied.getOrDefault(aggregateId, List.of()));
    }

    public synchronized int attempts() {
        return attempts;
    }
}
