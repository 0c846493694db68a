package dev.foldline.command;

import dev.foldline.aggregate.Aggregate;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import java.util.List;
import java.util.Optional;

/**
 * What a command produced.
 *
 * @param aggregate the aggregate after the command; for a replay, the aggregate as it is now
 * @param envelope  the committed envelope; empty when the command pushed no events
 * @param replayed  whether this answers a retry with the result of an earlier request under the
 *                  same idempotency key (nothing ran and nothing was written)
 */
public record CommandResult(Aggregate<?> aggregate, Optional<Envelope> envelope, boolean replayed) {

    public String aggregateId() {
        return aggregate.id();
    }

    /** The version the command produced (the aggregate's, when it pushed no events). */
    public long version() {
        return envelope.map(Envelope::version).orElse(aggregate.version());
    }

    /**
     * The aggregate's state, which is the state the command produced unless this is a replay and
     * later commands changed the aggregate since.
     */
    public Object state() {
        return aggregate.state();
    }

    /** Whether {@link #state()} is the state at {@link #version()}. */
    public boolean stateIsAtVersion() {
        return aggregate.version() == version();
    }

    public List<Event> events() {
        return envelope.map(Envelope::events).orElse(List.of());
    }
}
