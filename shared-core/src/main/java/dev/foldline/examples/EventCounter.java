package dev.foldline.examples;

import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.projection.EventHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The original's projection example: counts {@code NumbersAdded} events per aggregate id. */
public final class EventCounter implements EventHandler {

    private final String name;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public EventCounter(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Reaction> reactions() {
        return Map.of(Numbers.NUMBERS_ADDED, this::count);
    }

    private void count(Envelope envelope, Event event) {
        counts.merge(envelope.stream().aggregateId(), 1, Integer::sum);
    }

    public int count(String aggregateId) {
        return counts.getOrDefault(aggregateId, 0);
    }

    public Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }
}
