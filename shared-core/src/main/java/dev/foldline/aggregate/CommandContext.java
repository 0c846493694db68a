package dev.foldline.aggregate;

import dev.foldline.errors.InvalidArgument;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a command body sees: who asks, with what input, on which aggregate. Events pushed here are
 * applied at once, so the body sees the state they produce and a failing applier rejects the
 * command before anything is written.
 */
public final class CommandContext<S> {

    /** Reads other aggregates of the same tenant from inside a command. */
    @FunctionalInterface
    public interface Reader {
        <T> Aggregate<T> load(AggregateType<T> type, String aggregateId);
    }

    private final Actor actor;
    private final String command;
    private final Payload payload;
    private final Aggregate<S> before;
    private final Reader reader;
    private final List<Event> events = new ArrayList<>();
    private S state;

    public CommandContext(Actor actor, String command, Payload payload, Aggregate<S> before, Reader reader) {
        this.actor = Objects.requireNonNull(actor);
        this.command = Objects.requireNonNull(command);
        this.payload = Objects.requireNonNull(payload);
        this.before = Objects.requireNonNull(before);
        this.reader = Objects.requireNonNull(reader);
        this.state = before.state();
    }

    public Actor actor() {
        return actor;
    }

    public String command() {
        return command;
    }

    public Payload payload() {
        return payload;
    }

    /** The aggregate as loaded, before this command. */
    public Aggregate<S> aggregate() {
        return before;
    }

    /** The state including the events pushed so far. */
    public S state() {
        return state;
    }

    /** Pushes an event carrying the command's payload, as the original programming model does. */
    public S push(String eventName) {
        return push(eventName, payload);
    }

    /** Pushes an event at the current schema version of its name (see {@link AggregateType#event}). */
    public S push(String eventName, Object eventPayload) {
        return push(before.type().event(eventName, Payload.from(eventPayload)));
    }

    /**
     * Applies the event and keeps it for the envelope. An event holding NaN or an infinity is refused
     * (400 naming the field): JSON cannot store it, and the aggregate must stay readable.
     */
    public S push(Event event) {
        String nonFinite = event.payload().nonFiniteNumberAt();
        if (nonFinite != null) {
            throw new InvalidArgument(nonFinite, "event " + event.name() + " would store " + nonFinite
                    + " as NaN or an infinity; it must be a finite number");
        }
        state = before.type().apply(state, event);
        events.add(event);
        return state;
    }

    public <T> Aggregate<T> load(AggregateType<T> type, String aggregateId) {
        return reader.load(type, aggregateId);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }
}
