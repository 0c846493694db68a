package dev.foldline.projection;

import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A projection or policy: a name (its identity for checkpoints, so keep it stable) and the code
 * to run per event name. Handlers should be idempotent: delivery is at least once, and a crash
 * between an effect and its checkpoint repeats the effect.
 */
public interface EventHandler {

    /** Handles one event of a committed envelope. Throwing makes the projector retry, then park. */
    @FunctionalInterface
    interface Reaction {
        void handle(Envelope envelope, Event event) throws Exception;
    }

    String name();

    Map<String, Reaction> reactions();

    /**
     * Clears what the handler built for the tenant (its read model), when a rebuild starts it
     * again from nothing ({@link ProjectionRebuild}). A handler whose effects cannot be undone
     * (an email sent) keeps the default, which clears nothing. It may run more than once for one
     * rebuild (after a crash), so clearing must be repeatable.
     */
    default void reset(String tenant) {
    }

    default boolean reactsTo(Envelope envelope) {
        Map<String, Reaction> reactions = reactions();
        return envelope.events().stream().anyMatch(e -> reactions.containsKey(e.name()));
    }

    /** Runs the reactions to the envelope's events, in order: what the projector calls per envelope. */
    default void handle(Envelope envelope) throws Exception {
        Map<String, Reaction> reactions = reactions();
        for (Event event : envelope.events()) {
            Reaction reaction = reactions.get(event.name());
            if (reaction != null) {
                reaction.handle(envelope, event);
            }
        }
    }

    /**
     * The handler, seeing each envelope as {@code currentShapes} makes it: the runtimes give every
     * handler the envelopes with their events upcast to the current schema versions (see
     * {@code AggregateRegistry#inCurrentShapes}), so a projection never sees an old shape.
     */
    static EventHandler seeing(UnaryOperator<Envelope> currentShapes, EventHandler handler) {
        return new CurrentShapes(handler, currentShapes);
    }

    static EventHandler of(String name, Map<String, Reaction> reactions) {
        return of(name, reactions, tenant -> {
        });
    }

    /** A handler whose read model a rebuild clears with {@code reset}, per tenant. */
    static EventHandler of(String name, Map<String, Reaction> reactions, Consumer<String> reset) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reset, "reset");
        Map<String, Reaction> copy = Map.copyOf(reactions);
        return new EventHandler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, Reaction> reactions() {
                return copy;
            }

            @Override
            public void reset(String tenant) {
                reset.accept(tenant);
            }
        };
    }
}
