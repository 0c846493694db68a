package dev.foldline.aggregate;

import dev.foldline.errors.NotImplemented;
import dev.foldline.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an aggregate type can read: the current schema version of each event name it applies, and
 * the upcasters, per (event name, version), that turn older payloads into current ones. An event
 * at a version nothing reads is an error naming the type, the event and the version, never a skip.
 */
final class EventSchemas {

    /** Upcasters producing upcasters producing... this many levels is a cycle, not a history. */
    private static final int MAX_STEPS = 100;

    record Step(String eventName, int fromVersion) {
    }

    private final String aggregateType;
    private final Map<String, Integer> currentVersions;
    private final Map<Step, Upcaster> upcasters;

    EventSchemas(String aggregateType, Map<String, Integer> currentVersions, Map<Step, Upcaster> upcasters) {
        this.aggregateType = aggregateType;
        this.currentVersions = Map.copyOf(currentVersions);
        this.upcasters = Map.copyOf(upcasters);
        for (Step step : this.upcasters.keySet()) {
            Integer current = this.currentVersions.get(step.eventName());
            if (current != null && step.fromVersion() >= current) {
                throw new IllegalStateException("aggregate type " + aggregateType + " upcasts " + step.eventName()
                        + " from version " + step.fromVersion() + ", but " + current + " is its current version");
            }
        }
        this.currentVersions.forEach((name, current) -> {
            for (int version = 1; version < current; version++) {
                if (!this.upcasters.containsKey(new Step(name, version))) {
                    throw new IllegalStateException("aggregate type " + aggregateType + " reads " + name + " at version "
                            + current + " but has no upcaster from version " + version);
                }
            }
        });
    }

    /** The schema version events of this name are written at: the current one, 1 for an unknown name. */
    int currentVersion(String eventName) {
        return currentVersions.getOrDefault(eventName, 1);
    }

    boolean isCurrent(Event event) {
        Integer current = currentVersions.get(event.name());
        return current != null && current == event.schemaVersion();
    }

    /** The event in current shapes: itself when it is current, else what its upcasters make of it. */
    List<Event> current(Event stored) {
        List<Event> current = new ArrayList<>(1);
        upcastInto(stored, current, 0);
        return current;
    }

    private void upcastInto(Event event, List<Event> current, int steps) {
        if (isCurrent(event)) {
            current.add(event);
            return;
        }
        Integer known = currentVersions.get(event.name());
        if (known != null && event.schemaVersion() > known) {
            throw new NotImplemented("aggregate type " + aggregateType + " reads event " + event.name() + " up to schema version "
                    + known + ", not " + event.schemaVersion() + " (written by a newer deployment?)");
        }
        Upcaster upcaster = upcasters.get(new Step(event.name(), event.schemaVersion()));
        if (upcaster == null) {
            throw new NotImplemented("aggregate type " + aggregateType + " has no applier and no upcaster for event "
                    + event.name() + " at schema version " + event.schemaVersion());
        }
        if (steps >= MAX_STEPS) {
            throw new IllegalStateException("aggregate type " + aggregateType + " upcasts event " + event.name()
                    + " in a cycle");
        }
        List<Event> next = upcaster.upcast(event.payload());
        if (next == null || next.isEmpty()) {
            throw new IllegalStateException("the upcaster of " + event.name() + " from version " + event.schemaVersion()
                    + " in " + aggregateType + " returned no event");
        }
        for (Event upcast : next) {
            upcastInto(upcast, current, steps + 1);
        }
    }
}
