package dev.foldline.aggregate;

import dev.foldline.model.Actor;
import java.util.Map;

/**
 * What a typed command body sees: a {@link CommandContext} whose {@link #push} takes only the
 * aggregate's own event records, so the compiler refuses an event of another aggregate.
 */
public final class TypedContext<S, E> {

    private final CommandContext<S> context;
    private final Map<Class<?>, TypedAggregate.EventCodec<?>> events;

    TypedContext(CommandContext<S> context, Map<Class<?>, TypedAggregate.EventCodec<?>> events) {
        this.context = context;
        this.events = events;
    }

    public Actor actor() {
        return context.actor();
    }

    /** The aggregate as loaded, before this command. */
    public Aggregate<S> aggregate() {
        return context.aggregate();
    }

    /** The state including the events pushed so far. */
    public S state() {
        return context.state();
    }

    /** Applies the event and keeps it for the envelope, stored as its record's JSON. */
    public S push(E event) {
        TypedAggregate.EventCodec<?> codec = events.get(event.getClass());
        if (codec == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not an event of "
                    + context.aggregate().type().name());
        }
        return context.push(codec.toEvent(event));
    }

    public <T> Aggregate<T> load(AggregateType<T> type, String aggregateId) {
        return context.load(type, aggregateId);
    }

    /** The untyped context underneath, for code shared with {@code Payload} aggregates. */
    public CommandContext<S> untyped() {
        return context;
    }
}
