package dev.foldline.store;

import java.util.Map;
import java.util.Optional;

/**
 * A per-tenant key-value space with compare-and-set writes. The projector's per-aggregate
 * progress, the poll reader's cursors and leases, and parked failures are all built on these four
 * operations, so a store implements them once.
 */
public interface CheckpointStore {

    /**
     * The space for bookkeeping across tenants (such as which tenants have parked failures). No
     * actor can name it: a tenant is never blank.
     */
    String SYSTEM_SPACE = "";

    Optional<Checkpoint> read(String tenant, String key);

    /**
     * Writes the value only if the key is at {@code expectedRevision} ({@link Checkpoint#ABSENT}
     * for a new key).
     *
     * @return false, writing nothing, when the revision does not match
     */
    boolean write(String tenant, String key, String value, long expectedRevision);

    /** Removes the key if it is at {@code expectedRevision}; false, removing nothing, otherwise. */
    boolean delete(String tenant, String key, long expectedRevision);

    /** Every key of the tenant starting with the prefix, with its checkpoint, in key order. */
    Map<String, Checkpoint> list(String tenant, String keyPrefix);
}
