package dev.foldline.projection;

import com.google.gson.JsonObject;
import dev.foldline.errors.ConcurrencyConflict;
import dev.foldline.json.Json;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rebuilds one handler in every tenant of the store, in steps like {@link ProjectionRebuild}: an
 * operator's job, never a tenant's. The first step marks the handler as rebuilding in every tenant
 * at once (so the grace period is waited once, and each tenant's view stays as it was until its
 * turn); then the tenants are rebuilt one after the other in name order. Its cursor (the last
 * tenant done) is kept in the system space, so a step resumes with the tenant it stopped in (whose
 * own rebuild resumes where it stopped). A tenant created after the marking has no mark and nothing
 * to rebuild: the live feed built it from its first envelope.
 */
public final class AllTenantsRebuild {

    /** What one step did, tenant by tenant, and whether every tenant is done. */
    public record Progress(RebuildProgress.Stage stage, long tenantsDone, List<RebuildProgress> tenants) {

        public Progress {
            tenants = List.copyOf(tenants);
        }

        /** How long until the step that is waiting for the grace period can go on; 0 when none is. */
        public long waitMillis() {
            return tenants.isEmpty() ? 0 : tenants.get(tenants.size() - 1).waitMillis();
        }

        public Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("stage", stage.name().toLowerCase(Locale.ROOT));
            summary.put("tenantsDone", tenantsDone);
            summary.put("tenants", tenants.stream().map(RebuildProgress::summary).toList());
            return summary;
        }
    }

    private final Supplier<List<String>> tenants;
    private final ProjectionRebuild rebuild;
    private final CheckpointStore checkpoints;

    /** @param projector the live feed's projector: the rebuild keeps its progress where that one does */
    public AllTenantsRebuild(EventStore store, Projector projector) {
        this(store, projector, Duration.ZERO, Clock.systemUTC(), store::tenants);
    }

    /**
     * @param grace   see {@link ProjectionRebuild#ProjectionRebuild(EventStore, Projector, Duration, Clock)}
     * @param tenants the tenants to walk, in name order (a test's own, in a store other tests share)
     */
    public AllTenantsRebuild(EventStore store, Projector projector, Duration grace, Clock clock,
                             Supplier<List<String>> tenants) {
        this.tenants = tenants;
        this.rebuild = new ProjectionRebuild(store, projector, grace, clock);
        this.checkpoints = projector.checkpoints().store();
    }

    /** One step over the tenants, reading at most {@code maxPages} pages in all; run again until done. */
    public Progress run(String scope, EventHandler handler, int pageSize, int maxPages) {
        String key = "rebuild-all/" + ProjectionCheckpoints.requireSegment(scope, "scope") + "/"
                + ProjectionCheckpoints.requireSegment(handler.name(), "handler name");
        Checkpoint cursor = checkpoints.read(CheckpointStore.SYSTEM_SPACE, key).orElseGet(() -> begin(key, handler));
        JsonObject done = Json.parseObject(cursor.value());
        String after = done.has("after") ? done.get("after").getAsString() : null;
        long tenantsDone = done.get("tenantsDone").getAsLong();
        long revision = cursor.revision();
        if (!done.get("marked").getAsBoolean()) {
            tenants.get().forEach(tenant -> rebuild.mark(scope, handler, tenant));
            done.addProperty("marked", true);
            if (!checkpoints.write(CheckpointStore.SYSTEM_SPACE, key, Json.write(done), revision++)) {
                throw anotherRunner(handler);
            }
        }
        List<RebuildProgress> steps = new ArrayList<>();
        int pagesLeft = maxPages;
        for (String tenant : tenants.get()) {
            if (after != null && tenant.compareTo(after) <= 0) {
                continue;
            }
            if (pagesLeft < 1) {
                return new Progress(RebuildProgress.Stage.RUNNING, tenantsDone, steps);
            }
            RebuildProgress step = rebuild.run(scope, handler, tenant, pageSize, pagesLeft, false);
            steps.add(step);
            pagesLeft -= step.pages();
            if (!step.done()) {
                return new Progress(step.stage(), tenantsDone, steps);
            }
            tenantsDone++;
            done.addProperty("after", tenant);
            done.addProperty("tenantsDone", tenantsDone);
            if (!checkpoints.write(CheckpointStore.SYSTEM_SPACE, key, Json.write(done), revision++)) {
                throw anotherRunner(handler);
            }
        }
        checkpoints.delete(CheckpointStore.SYSTEM_SPACE, key, revision);
        return new Progress(RebuildProgress.Stage.DONE, tenantsDone, steps);
    }

    private Checkpoint begin(String key, EventHandler handler) {
        JsonObject fresh = new JsonObject();
        fresh.addProperty("tenantsDone", 0);
        fresh.addProperty("marked", false);
        String value = Json.write(fresh);
        if (!checkpoints.write(CheckpointStore.SYSTEM_SPACE, key, value, Checkpoint.ABSENT)) {
            throw anotherRunner(handler);
        }
        return new Checkpoint(value, Checkpoint.ABSENT + 1);
    }

    private static ConcurrencyConflict anotherRunner(EventHandler handler) {
        return new ConcurrencyConflict("another runner is rebuilding " + handler.name()
                + " in every tenant: run one rebuild step at a time");
    }
}
