package dev.foldline.model;

import java.util.Objects;

/** An aggregate's state as JSON after the envelope at {@code version}. */
public record Snapshot(long version, String stateJson) {

    public Snapshot {
        Objects.requireNonNull(stateJson, "stateJson");
        if (version < 0) {
            throw new IllegalArgumentException("a snapshot follows an envelope, so its version is >= 0");
        }
    }
}
