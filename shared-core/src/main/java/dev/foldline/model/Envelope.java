package dev.foldline.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The events of one command: the unit of storage and of atomicity. Version -1 is a new
 * aggregate, so the first envelope has version 0 and each envelope adds one.
 *
 * @param idempotencyKey the client's key for the request, or null
 * @param fingerprint    what the keyed request asked for (command and canonical payload, hashed), so
 *                       that a key reused for another request is recognised; null without a key
 * @param commandId      the id of the attempt that wrote the envelope, unique per command run; a
 *                       store that finds its version taken by the same attempt (its own write, sent
 *                       again after an ambiguous failure) reports success instead of a conflict.
 *                       Null on envelopes written before attempts had ids.
 */
public record Envelope(
        StreamId stream,
        long version,
        String command,
        Actor actor,
        List<Event> events,
        Instant committedAt,
        String idempotencyKey,
        String fingerprint,
        String commandId) {

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
        if ((idempotencyKey == null) != (fingerprint == null)) {
            throw new IllegalArgumentException("an idempotency key and its fingerprint go together");
        }
    }

    /** An envelope written outside a command run, without an idempotency key. */
    public Envelope(StreamId stream, long version, String command, Actor actor, List<Event> events,
                    Instant committedAt) {
        this(stream, version, command, actor, events, committedAt, null, null, null);
    }

    public String tenant() {
        return stream.tenant();
    }

    /** Whether the other envelope was written by the same attempt, to the same place. */
    public boolean sameAttempt(Envelope other) {
        return other != null && commandId != null && commandId.equals(other.commandId)
                && stream.equals(other.stream) && version == other.version;
    }
}
