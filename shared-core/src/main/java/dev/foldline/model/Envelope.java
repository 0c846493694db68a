package dev.foldline.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The events of one command: the unit of storage and of atomicity. Version -1 is a new
 * aggregate, so the first envelope has version 0 and each envelope adds one.
 *
 * @param idempotencyKey the client's key for the request, or null
 */
public record Envelope(
        StreamId stream,
        long version,
        String command,
        Actor actor,
        List<Event> events,
        Instant committedAt,
        String idempotencyKey) {

    public Envelope {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(committedAt, "committedAt");
        events = List.copyOf(events);
        if (version < 0) {
            throw new IllegalArgumentException("an envelope's version starts at 0");
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an envelope holds at least one event");
        }
        if (!actor.tenant().equals(stream.tenant())) {
            throw new IllegalArgumentException("the actor's tenant must be the stream's tenant");
        }
    }

    public String tenant() {
        return stream.tenant();
    }
}
