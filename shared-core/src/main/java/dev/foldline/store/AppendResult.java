package dev.foldline.store;

/**
 * The outcome of a conditional append. A conflict is a value, not an exception: the command
 * handler decides whether to reload and retry or to report a concurrency error.
 */
public enum AppendResult {

    /**
     * The envelope is stored: written now, or found already written by the same attempt (a write
     * sent again after an ambiguous failure), in which case nothing more was written.
     */
    COMMITTED,

    /** Another envelope already holds the version; nothing was written. */
    CONFLICT
}
