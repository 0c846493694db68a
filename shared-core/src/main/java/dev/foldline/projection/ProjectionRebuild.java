package dev.foldline.projection;

import dev.foldline.errors.ConcurrencyConflict;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.EventStore;
import dev.foldline.store.Page;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rebuilds one handler's projection in one tenant from the store's history, or feeds a new handler
 * everything that happened (the same operation, with nothing to reset), in steps that a caller
 * repeats until the rebuild is done: a step fits in a function's time limit, and a crash loses at
 * most the step's last page.
 *
 * <p>A rebuild (1) marks the handler as rebuilding in the tenant, so that live deliveries leave its
 * streams to the rebuild instead of applying them; (2) once the grace period has passed (a live
 * delivery that began before the mark, and so did not see it, has ended by then), forgets the
 * handler's progress in the scope and clears its read model ({@link EventHandler#reset}); (3)
 * replays the tenant's envelopes in commit order, page by page, through the projector under the
 * live feed's own scope, saving its cursor after each page; (4) hands over: applies the streams live deliveries left to it, then
 * removes the mark, and the live feed applies the handler again. The projector's per-stream
 * progress is shared by both sides, so after the handover a live delivery of an envelope the
 * rebuild applied is a duplicate, and one the rebuild never saw fills its gap from the store.
 *
 * <p>A handler failure stops the step where it failed (the projector parks the stream, and the
 * cursor stays before the page); running the rebuild again, once the handler is fixed, resumes
 * there and applies nothing twice.
 */
public final class ProjectionRebuild {

    /** Envelopes read per page unless told otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 500;
    /** How often a step tries to hand over while live deliveries keep deferring streams to it. */
    private static final int HANDOVER_ATTEMPTS = 100;

    private final EventStore store;
    private final Projector projector;
    private final RebuildCheckpoints rebuilds;
    private final Duration grace;
    private final Clock clock;

    /** A rebuild without a grace period: for a live feed that is stopped, or that runs under the step's lock. */
    public ProjectionRebuild(EventStore store, Projector projector) {
        this(store, projector, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * @param projector the live feed's projector: the rebuild keeps its progress where that one does
     * @param grace     the longest one live delivery may run (the change-feed function's and the
     *                  sweep's timeout): the handler is reset only this long after the mark, when
     *                  no delivery that began before it, and so applies the handler, is left
     */
    public ProjectionRebuild(EventStore store, Projector projector, Duration grace, Clock clock) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("a grace period is not negative");
        }
        this.store = store;
        this.projector = projector;
        this.rebuilds = projector.rebuilds();
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * One step: starts a rebuild of the handler in the tenant if none is under way, then replays
     * at most {@code maxPages} pages of {@code pageSize} envelopes and, after the last, hands over
     * to the live feed. Running it again resumes a rebuild under way, a failed one included; once
     * one is done, running it again starts a new one. Within the grace period after the mark, a
     * step does nothing but say how long to wait ({@link RebuildProgress#waitMillis()}).
     */
    public RebuildProgress run(String scope, EventHandler handler, String tenant, int pageSize, int maxPages) {
        return run(scope, handler, tenant, pageSize, maxPages, true);
    }

    /** @param startIfUnmarked false: a tenant not marked (by {@link #mark}) has nothing to rebuild */
    RebuildProgress run(String scope, EventHandler handler, String tenant, int pageSize, int maxPages,
                        boolean startIfUnmarked) {
        ProjectionCheckpoints.requireSegment(scope, "scope");
        ProjectionCheckpoints.requireSegment(handler.name(), "handler name");
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("a rebuild is of one tenant: the system space is none");
        }
        if (pageSize < 1 || maxPages < 1) {
            throw new IllegalArgumentException("a rebuild step reads at least one page of at least one envelope");
        }
        Optional<RebuildCursor> under = underWay(scope, handler, tenant, startIfUnmarked);
        if (under.isEmpty()) {
            return RebuildProgress.nothingToDo(tenant, handler.name());
        }
        RebuildCursor cursor = under.get();
        if (!cursor.reset()) {
            long wait = cursor.resetAfter() - clock.millis();
            if (wait > 0) {
                return RebuildProgress.waiting(tenant, handler.name(), wait);
            }
            // No live delivery that missed the mark is left: the handler starts from nothing.
            projector.checkpoints().forget(scope, handler.name(), tenant);
            handler.reset(tenant);
            cursor = save(scope, handler, tenant, cursor.afterReset());
        }
        for (int pages = 0; pages < maxPages; ) {
            long began = System.nanoTime();
            Page page = store.readAll(tenant, cursor.position(), pageSize);
            pages++;
            ProjectionReport report = projector.replay(scope, page.envelopes(), handler);
            long millis = elapsedMillis(began);
            if (!report.succeeded()) {
                // The cursor stays before the page: the next step reads it again, and the projector
                // skips what it applied of it.
                return progress(tenant, handler, RebuildProgress.Stage.FAILED,
                        save(scope, handler, tenant, cursor.after(cursor.position(), 0, report.applied(), millis)),
                        pages, report.failures());
            }
            cursor = save(scope, handler, tenant, cursor.after(page.nextPosition(), page.envelopes().size(),
                    report.applied(), millis));
            if (!page.more()) {
                return handOver(scope, handler, tenant, cursor, pages);
            }
        }
        return progress(tenant, handler, RebuildProgress.Stage.RUNNING, cursor, maxPages, List.of());
    }

    /** Where the handler's latest rebuild in the tenant stands; empty if it never had one. */
    public Optional<RebuildProgress> status(String scope, String handler, String tenant) {
        Optional<Checkpoint> marker = rebuilds.marker(scope, handler, tenant);
        return rebuilds.cursor(scope, handler, tenant)
                .filter(cursor -> marker.isEmpty() || marker.get().value().equals(cursor.run()))
                .map(cursor -> RebuildProgress.of(tenant, handler,
                        cursor.done() && marker.isEmpty() ? RebuildProgress.Stage.DONE : RebuildProgress.Stage.RUNNING,
                        cursor, 0, List.of()));
    }

    /**
     * Marks the handler as rebuilding in the tenant, its reset due once the grace period has passed,
     * unless a rebuild is under way there already.
     */
    void mark(String scope, EventHandler handler, String tenant) {
        String run = UUID.randomUUID().toString();
        if (rebuilds.start(scope, handler.name(), tenant, run)) {
            save(scope, handler, tenant, RebuildCursor.fresh(run, clock.millis() + grace.toMillis(),
                    rebuilds.cursorRevision(scope, handler.name(), tenant)));
        }
    }

    /** The cursor of the rebuild under way, marking one when there is none and that is asked for. */
    private Optional<RebuildCursor> underWay(String scope, EventHandler handler, String tenant, boolean startIfUnmarked) {
        Optional<Checkpoint> marker = rebuilds.marker(scope, handler.name(), tenant);
        if (marker.isEmpty()) {
            if (!startIfUnmarked) {
                return Optional.empty();
            }
            mark(scope, handler, tenant);
            marker = rebuilds.marker(scope, handler.name(), tenant);
            if (marker.isEmpty()) {
                throw anotherRunner(handler, tenant);
            }
        }
        String run = marker.get().value();
        Optional<RebuildCursor> cursor = rebuilds.cursor(scope, handler.name(), tenant)
                .filter(found -> found.run().equals(run));
        if (cursor.isPresent()) {
            return cursor;
        }
        // A crash between the mark and its cursor: the grace period counts from now.
        return Optional.of(save(scope, handler, tenant, RebuildCursor.fresh(run, clock.millis() + grace.toMillis(),
                rebuilds.cursorRevision(scope, handler.name(), tenant))));
    }

    /**
     * Applies the streams live deliveries left to the rebuild, then removes the mark at the
     * revision read before listing them: a deferral since then bumped it, and the loop looks again.
     */
    private RebuildProgress handOver(String scope, EventHandler handler, String tenant, RebuildCursor cursor,
                                     int pages) {
        long began = System.nanoTime();
        int applied = 0;
        for (int attempt = 0; attempt < HANDOVER_ATTEMPTS; attempt++) {
            Optional<Checkpoint> marker = rebuilds.marker(scope, handler.name(), tenant);
            if (marker.isEmpty()) {
                // Another runner handed over already (one at a time is the rule; the cursor caught it
                // on its next save otherwise): the live feed has the handler back.
                return progress(tenant, handler, RebuildProgress.Stage.DONE, cursor, pages, List.of());
            }
            for (RebuildCheckpoints.Deferred deferred : rebuilds.deferred(scope, handler.name(), tenant)) {
                ProjectionReport report = projector.catchUp(scope, handler, deferred.stream());
                applied += report.applied();
                if (!report.succeeded()) {
                    return progress(tenant, handler, RebuildProgress.Stage.FAILED,
                            save(scope, handler, tenant, cursor.after(cursor.position(), 0, applied,
                                    elapsedMillis(began))), pages, report.failures());
                }
                rebuilds.taken(tenant, deferred);
            }
            if (rebuilds.finish(scope, handler.name(), tenant, marker.get().revision())) {
                return progress(tenant, handler, RebuildProgress.Stage.DONE,
                        save(scope, handler, tenant, cursor.handedOver(applied, elapsedMillis(began))), pages, List.of());
            }
        }
        return progress(tenant, handler, RebuildProgress.Stage.RUNNING, cursor, pages, List.of());
    }

    private RebuildCursor save(String scope, EventHandler handler, String tenant, RebuildCursor cursor) {
        return rebuilds.save(scope, handler.name(), tenant, cursor).orElseThrow(() -> anotherRunner(handler, tenant));
    }

    /** Two runners of one rebuild would apply the same pages twice: the one that loses the cursor stops. */
    private static ConcurrencyConflict anotherRunner(EventHandler handler, String tenant) {
        return new ConcurrencyConflict("another runner is rebuilding " + handler.name() + " in " + tenant
                + ": run one rebuild step at a time");
    }

    private static RebuildProgress progress(String tenant, EventHandler handler, RebuildProgress.Stage stage,
                                            RebuildCursor cursor, int pages, List<HandlerFailure> failures) {
        return RebuildProgress.of(tenant, handler.name(), stage, cursor, pages, failures);
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
