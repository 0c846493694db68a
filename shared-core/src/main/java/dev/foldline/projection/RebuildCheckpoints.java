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
 * A rebuild's keys in the tenant's checkpoint space, next to the handler's progress:
 *
 * <pre>
 * rebuild/{scope}/{handler}                   the marker: while it exists, the rebuild applies the
 *                                             handler in this tenant and live deliveries defer to it
 * rebuild-cursor/{scope}/{handler}            where the replay is, and what it did (RebuildCursor)
 * deferred/{scope}/{handler}/{type}/{id}      a stream a live delivery left to the rebuild
 * </pre>
 *
 * A live delivery that defers rewrites the marker (bumping its revision) after recording the
 * stream; the rebuild ends by deleting the marker at the revision it read before it took the
 * deferred streams, so a deferral it did not take makes that delete fail and it looks again.
 */
final class RebuildCheckpoints {

    /** A stream left to the rebuild, with the revision of its key when listed. */
    record Deferred(StreamId stream, String key, long revision) {
    }

    private static final String MARKER = "rebuild/";
    private static final String CURSOR = "rebuild-cursor/";
    private static final String DEFERRED = "deferred/";
    private static final int ATTEMPTS = 100;

    private final CheckpointStore store;

    RebuildCheckpoints(CheckpointStore store) {
        this.store = store;
    }

    /** The handlers being rebuilt in the tenant's scope, with their markers: one request. */
    Map<String, Checkpoint> rebuilding(String scope, String tenant) {
        String prefix = MARKER + scope + "/";
        Map<String, Checkpoint> handlers = new LinkedHashMap<>();
        store.list(tenant, prefix).forEach((key, marker) -> handlers.put(key.substring(prefix.length()), marker));
        return handlers;
    }

    /** The marker's run id and revision, if a rebuild is under way. */
    Optional<Checkpoint> marker(String scope, String handler, String tenant) {
        return store.read(tenant, markerKey(scope, handler));
    }

    /** @return false when another runner started a rebuild first */
    boolean start(String scope, String handler, String tenant, String run) {
        return store.write(tenant, markerKey(scope, handler), run, Checkpoint.ABSENT);
    }

    /** @return false when a live delivery deferred a stream since the marker was read at {@code revision} */
    boolean finish(String scope, String handler, String tenant, long revision) {
        return store.delete(tenant, markerKey(scope, handler), revision);
    }

    /**
     * Leaves the stream to the rebuild under way, if there still is one.
     *
     * @return false, leaving nothing behind, when the rebuild has handed over: the caller applies
     *         the stream itself
     */
    boolean defer(String scope, String handler, StreamId stream, Checkpoint listedMarker) {
        String tenant = stream.tenant();
        String key = deferredKey(scope, handler, stream);
        ProjectionCheckpoints.overwrite(store, tenant, key, Json.write(stream));
        Optional<Checkpoint> marker = Optional.of(listedMarker);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (marker.isEmpty()) {
                store.read(tenant, key).ifPresent(left -> store.delete(tenant, key, left.revision()));
                return false;
            }
            if (store.write(tenant, markerKey(scope, handler), marker.get().value(), marker.get().revision())) {
                return true;
            }
            marker = marker(scope, handler, tenant);
        }
        throw new IllegalStateException("the rebuild marker of " + handler + " in " + tenant + " changed under every one of "
                + ATTEMPTS + " attempts to defer " + stream);
    }

    List<Deferred> deferred(String scope, String handler, String tenant) {
        List<Deferred> streams = new ArrayList<>();
        store.list(tenant, DEFERRED + scope + "/" + handler + "/").forEach((key, checkpoint) ->
                streams.add(new Deferred(Json.read(checkpoint.value(), StreamId.class), key, checkpoint.revision())));
        return streams;
    }

    /** Forgets the deferred stream unless a live delivery deferred it again since it was listed. */
    void taken(String tenant, Deferred deferred) {
        store.delete(tenant, deferred.key(), deferred.revision());
    }

    Optional<RebuildCursor> cursor(String scope, String handler, String tenant) {
        return store.read(tenant, cursorKey(scope, handler))
                .map(c -> RebuildCursor.fromJson(Json.parseObject(c.value()), c.revision()));
    }

    /** @return the cursor as saved, or empty when another runner moved it first */
    Optional<RebuildCursor> save(String scope, String handler, String tenant, RebuildCursor cursor) {
        JsonObject json = cursor.toJson();
        return store.write(tenant, cursorKey(scope, handler), Json.write(json), cursor.revision())
                ? Optional.of(cursor.withRevision(cursor.revision() + 1)) : Optional.empty();
    }

    /** The cursor's revision as stored now ({@link Checkpoint#ABSENT} for none): what a fresh cursor replaces. */
    long cursorRevision(String scope, String handler, String tenant) {
        return store.read(tenant, cursorKey(scope, handler)).map(Checkpoint::revision).orElse(Checkpoint.ABSENT);
    }

    private static String markerKey(String scope, String handler) {
        return MARKER + scope + "/" + handler;
    }

    private static String cursorKey(String scope, String handler) {
        return CURSOR + scope + "/" + handler;
    }

    private static String deferredKey(String scope, String handler, StreamId stream) {
        return DEFERRED + scope + "/" + handler + "/" + stream.aggregateType() + "/" + stream.aggregateId();
    }
}
