package dev.foldline.aggregate;

import dev.foldline.model.Event;

/** Folds one event into the state, returning the new state. May throw to reject the event. */
@FunctionalInterface
public interface EventApplier<S> {
    S apply(S state, Event event);
}
