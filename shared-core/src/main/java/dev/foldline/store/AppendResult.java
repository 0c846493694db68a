package dev.foldline.store;

/**
 * The outcome of a conditional append. A conflict is a value, not an exception: the command
 * handler decides whether to reload and retry or to report a concurrency error.
 */
public sealed interface AppendResult {

    record Committed() implements AppendResult {
    }

    /** Another envelope already holds the version; nothing was written. */
    record Conflict() implements AppendResult {
    }

    AppendResult COMMITTED = new Committed();
    AppendResult CONFLICT = new Conflict();
}
