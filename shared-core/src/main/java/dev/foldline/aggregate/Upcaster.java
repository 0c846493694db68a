package dev.foldline.aggregate;

import dev.foldline.json.Payload;
import dev.foldline.model.Event;
import java.util.List;

/**
 * Turns the payload of a stored event, at the schema version it was registered for, into the
 * event or events that now stand for it. Each returned event carries the schema version of the
 * shape it holds (an {@link Event#of} is version 1) and is upcast further from there, so a chain
 * of small steps reaches the current shapes. Most upcasters change one event's shape: register
 * those with {@link AggregateType.Builder#upcast}; this form, {@link AggregateType.Builder#upcastInto},
 * also renames an event or splits it in several.
 */
@FunctionalInterface
public interface Upcaster {
    List<Event> upcast(Payload payload);
}
