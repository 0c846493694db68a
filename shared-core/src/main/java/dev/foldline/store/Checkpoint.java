package dev.foldline.store;

/**
 * A stored value with the revision a conditional write must name. Revisions start at 0 when the
 * key is first written and grow by one per write.
 */
public record Checkpoint(String value, long revision) {

    /** The revision to pass when the key must not exist yet. */
    public static final long ABSENT = -1;
}
