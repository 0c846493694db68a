package dev.foldline.projection;

import com.google.gson.JsonObject;
import dev.foldline.json.Json;
import dev.foldline.model.StreamId;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A handler's progress per stream, and its parked failures, on top of the store's CAS key-value
 * space. Progress is "the last version applied"; a parked failure is kept under its own key so
 * they can be listed without scanning every stream.
 */
final class ProjectionCheckpoints {

    /** Progress as read, with the revision the next write must name. */
    record Progress(long version, boolean parked, long revision) {
        static final Progress NONE = new Progress(-1, false, Checkpoint.ABSENT);
    }

    private static final int OVERWRITE_ATTEMPTS = 100;

    private final CheckpointStore store;

    ProjectionCheckpoints(CheckpointStore store) {
        this.store = store;
    }

    CheckpointStore store() {
        return store;
    }

    /**
     * Scopes, handler names and poll threads are segments of checkpoint keys: a '/' in one would
     * let one key's prefix cover another's keys.
     */
    static String requireSegment(String value, String what) {
        if (value == null || value.isBlank() || value.contains("/")) {
            throw new IllegalArgumentException(what + " must be non-blank without '/': " + value);
        }
        return value;
    }

    Progress progress(String scope, String handler, StreamId stream) {
        Optional<Checkpoint> found = store.read(stream.tenant(), progressKey(scope, handler, stream));
        if (found.isEmpty()) {
            return Progress.NONE;
        }
        JsonObject value = Json.parseObject(found.get().value());
        return new Progress(value.get("version").getAsLong(), value.get("parked").getAsBoolean(),
                found.get().revision());
    }

    /** @return false when another projector moved the progress first */
    boolean save(String scope, String handler, StreamId stream, Progress from, long version, boolean parked) {
        JsonObject value = new JsonObject();
        value.addProperty("version", version);
        value.addProperty("parked", parked);
        return store.write(stream.tenant(), progressKey(scope, handler, stream), Json.write(value), from.revision());
    }

    /**
     * Records the failure, then marks its tenant in the system space. The mark is rewritten (its
     * revision bumped) on every park, so a sweep that found the tenant clean cannot delete a mark
     * that a newer failure needs: its delete names a revision that is gone.
     */
    void park(String scope, HandlerFailure failure) {
        String tenant = failure.stream().tenant();
        overwrite(tenant, parkedKey(scope, failure.handler(), failure.stream()), Json.write(failure));
        overwrite(CheckpointStore.SYSTEM_SPACE, tenantMarkPrefix(scope) + tenant, tenant);
    }

    /** The tenants marked as having parked failures in the scope, with each mark's revision. */
    Map<String, Long> tenantsWithParked(String scope) {
        Map<String, Long> tenants = new LinkedHashMap<>();
        store.list(CheckpointStore.SYSTEM_SPACE, tenantMarkPrefix(scope))
                .forEach((key, mark) -> tenants.put(mark.value(), mark.revision()));
        return tenants;
    }

    /** Removes a tenant's mark if no park rewrote it since it was read at {@code revision}. */
    void clearTenantMark(String scope, String tenant, long revision) {
        store.delete(CheckpointStore.SYSTEM_SPACE, tenantMarkPrefix(scope) + tenant, revision);
    }

    /**
     * Sets the key whatever its revision, by compare-and-set. Bounded: a key that another writer
     * changes on every attempt, or a store that refuses every write, is an error rather than a
     * projector spinning forever.
     */
    private void overwrite(String space, String key, String value) {
        overwrite(store, space, key, value);
    }

    static void overwrite(CheckpointStore store, String space, String key, String value) {
        for (int attempt = 0; attempt < OVERWRITE_ATTEMPTS; attempt++) {
            long revision = store.read(space, key).map(Checkpoint::revision).orElse(Checkpoint.ABSENT);
            if (store.write(space, key, value, revision)) {
                return;
            }
        }
        throw new IllegalStateException("checkpoint " + key + " changed under every one of " + OVERWRITE_ATTEMPTS
                + " attempts to set it");
    }

    /**
     * Deletes every key of the space under the prefix. A key rewritten while it is deleted (by a
     * projector that was already under way) is listed again and deleted again; bounded like
     * {@link #overwrite}.
     */
    static void deleteAll(CheckpointStore store, String space, String prefix) {
        for (int attempt = 0; attempt < OVERWRITE_ATTEMPTS; attempt++) {
            Map<String, Checkpoint> left = store.list(space, prefix);
            if (left.isEmpty()) {
                return;
            }
            left.forEach((key, checkpoint) -> store.delete(space, key, checkpoint.revision()));
        }
        throw new IllegalStateException("keys under " + prefix + " were rewritten under every one of "
                + OVERWRITE_ATTEMPTS + " attempts to delete them");
    }

    /** Forgets the handler's progress and parked failures in the scope for the tenant: it starts from nothing. */
    void forget(String scope, String handler, String tenant) {
        deleteAll(store, tenant, "applied/" + scope + "/" + handler + "/");
        deleteAll(store, tenant, "parked/" + scope + "/" + handler + "/");
    }

    void unpark(String scope, String handler, StreamId stream) {
        String key = parkedKey(scope, handler, stream);
        store.read(stream.tenant(), key).ifPresent(c -> store.delete(stream.tenant(), key, c.revision()));
    }

    List<HandlerFailure> parked(String scope, String tenant) {
        List<HandlerFailure> failures = new ArrayList<>();
        for (Checkpoint checkpoint : store.list(tenant, "parked/" + scope + "/").values()) {
            failures.add(Json.read(checkpoint.value(), HandlerFailure.class));
        }
        return failures;
    }

    private static String progressKey(String scope, String handler, StreamId stream) {
        return "applied/" + scope + "/" + handler + "/" + stream.aggregateType() + "/" + stream.aggregateId();
    }

    private static String tenantMarkPrefix(String scope) {
        return "parked-tenant/" + scope + "/";
    }

    private static String parkedKey(String scope, String handler, StreamId stream) {
        return "parked/" + scope + "/" + handler + "/" + stream.aggregateType() + "/" + stream.aggregateId();
    }
}
