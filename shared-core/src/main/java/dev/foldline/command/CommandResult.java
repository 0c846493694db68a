package dev.foldline.command;

import dev.foldline.aggregate.Aggregate;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import java.util.List;
import java.util.Optional;

/**
 * What a command produced.
 *
 * @param aggregate the aggregate after the command
 * @param envelope  the committed envelope; empty when the command pushed no events
 */
public record CommandResult(Aggregate<?> aggregate, Optional<Envelope> envelope) {

    public String aggregateId() {
        return aggregate.id();
    }

    public long version() {
        return aggregate.version();
    }

    public Object state() {
        return aggregate.state();
    }

    public List<Event> events() {
        return envelope.map(Envelope::events).orElse(List.of());
    }
}
