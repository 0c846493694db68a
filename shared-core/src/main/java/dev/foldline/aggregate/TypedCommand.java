package dev.foldline.aggregate;

/**
 * A typed command's body: validates the bound command record against the current state and pushes
 * events of the aggregate's sealed event type.
 */
@FunctionalInterface
public interface TypedCommand<S, E, C> {
    void handle(TypedContext<S, E> context, C command);
}
