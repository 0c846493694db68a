package dev.foldline.model;

import dev.foldline.json.SnapshotCodec;
import java.util.List;
import java.util.Objects;

/**
 * An aggregate's state as JSON after the envelope at {@code version}, with the idempotency keys the
 * aggregate remembered then (a snapshot replaces the envelopes before it, and with them their keys).
 *
 * @param commandId the attempt that wrote the envelope at {@code version} (see {@link Envelope}),
 *                  so that a writer whose answer was lost still recognises its own commit when the
 *                  snapshot is all a load returns of it; null for snapshots that predate it
 */
public record Snapshot(long version, String stateJson, List<RecordedKey> keys, String commandId) {

    public Snapshot {
        Objects.requireNonNull(stateJson, "stateJson");
        keys = List.copyOf(keys);
        if (version < 0) {
            throw new IllegalArgumentException("a snapshot follows an envelope, so its version is >= 0");
        }
    }

    public Snapshot(long version, String stateJson) {
        this(version, stateJson, List.of(), null);
    }

    public Snapshot(long version, String stateJson, List<RecordedKey> keys) {
        this(version, stateJson, keys, null);
    }

    /** The one string a store keeps for the snapshot. */
    public String stored() {
        return SnapshotCodec.write(this);
    }

    /** The snapshot a store kept with {@link #stored()} at the given version. */
    public static Snapshot fromStored(long version, String stored) {
        return SnapshotCodec.read(version, stored);
    }
}
