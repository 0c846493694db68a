package dev.foldline.aggregate;

/** When the command handler writes a snapshot together with an envelope. */
public sealed interface SnapshotPolicy {

    /** Whether the envelope at {@code version} should carry a snapshot. */
    boolean snapshotAt(long version, long lastSnapshotVersion);

    static SnapshotPolicy everyCommit() {
        return new Every(1);
    }

    static SnapshotPolicy every(int envelopes) {
        return new Every(envelopes);
    }

    static SnapshotPolicy never() {
        return new Never();
    }

    record Every(int envelopes) implements SnapshotPolicy {
        public Every {
            if (envelopes < 1) {
                throw new IllegalArgumentException("snapshot interval must be at least 1 envelope");
            }
        }

        @Override
        public boolean snapshotAt(long version, long lastSnapshotVersion) {
            return version - lastSnapshotVersion >= envelopes;
        }
    }

    record Never() implements SnapshotPolicy {
        @Override
        public boolean snapshotAt(long version, long lastSnapshotVersion) {
            return false;
        }
    }
}
