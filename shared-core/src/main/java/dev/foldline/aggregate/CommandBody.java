package dev.foldline.aggregate;

/** Validates a command's input against the current state and pushes events. */
@FunctionalInterface
public interface CommandBody<S> {
    void handle(CommandContext<S> context);
}
