package dev.foldline.store.contract;

import static dev.foldline.store.contract.Envelopes.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.projection.AllTenantsRebuild;
import dev.foldline.projection.HandlerFailure;
import dev.foldline.projection.ProjectionRebuild;
import dev.foldline.projection.Projector;
import dev.foldline.projection.RebuildProgress;
import dev.foldline.store.AppendResult;
import dev.foldline.trace.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Rebuilding a projection from the store's history, and feeding a new handler everything that
 * happened: the rebuilt read model equals the live one, whether the rebuild runs in one go, in
 * steps, after a failure, or while live deliveries keep coming.
 */
public interface RebuildContract extends StoreFixture {

    String SCOPE = "trigger";

    private Projector liveProjector() {
        return new Projector(store(), 2, Tracer.NOOP);
    }

    /** Appends {@code count} envelopes to each of the ids' streams, interleaved; returns them in commit order. */
    private List<Envelope> history(String tenant, List<String> ids, int from, int count) {
        List<Envelope> appended = new ArrayList<>();
        for (int version = from; version < from + count; version++) {
            for (String id : ids) {
                Envelope envelope = envelope(new StreamId(tenant, "numbers", id), version);
                assertThat(store().append(envelope, null)).isEqualTo(AppendResult.COMMITTED);
                appended.add(envelope);
            }
        }
        return appended;
    }

    private static Map<String, List<Long>> upTo(List<String> ids, long lastVersion) {
        Map<String, List<Long>> model = new TreeMap<>();
        ids.forEach(id -> model.put(id, LongStream.rangeClosed(0, lastVersion).boxed().toList()));
        return model;
    }

    /** A fresh tenant's history on the ids, projected live into a fresh handler named "model". */
    record Live(String tenant, List<Envelope> history, ReadModelHandler handler, Projector projector) {
    }

    private Live projectedLive(List<String> ids, int versions) {
        String tenant = freshTenant();
        List<Envelope> history = history(tenant, ids, 0, versions);
        ReadModelHandler handler = new ReadModelHandler("model");
        Projector projector = liveProjector();
        projector.project(SCOPE, history, List.of(handler));
        return new Live(tenant, history, handler, projector);
    }

    private RebuildProgress runToTheEnd(ProjectionRebuild rebuild, ReadModelHandler handler, String tenant,
                                        int pageSize, int maxPages) {
        RebuildProgress progress;
        int steps = 0;
        do {
            progress = rebuild.run(SCOPE, handler, tenant, pageSize, maxPages);
            assertThat(progress.stage()).as(progress.summary().toString()).isNotEqualTo(RebuildProgress.Stage.FAILED);
            assertThat(++steps).as("steps").isLessThan(100);
        } while (!progress.done());
        return progress;
    }

    @Test
    default void a_rebuilt_projection_equals_the_live_one_and_reports_what_it_read() {
        List<String> ids = List.of("a", "b", "c");
        Live given = projectedLive(ids, 4);
        String tenant = given.tenant();
        ReadModelHandler handler = given.handler();
        Projector projector = given.projector();
        Map<String, List<Long>> live = handler.model(tenant);

        RebuildProgress done = runToTheEnd(new ProjectionRebuild(store(), projector), handler, tenant, 5, 100);

        assertThat(live).isEqualTo(upTo(ids, 3));
        assertThat(handler.model(tenant)).isEqualTo(live);
        assertThat(done.read()).isEqualTo(12);
        assertThat(done.applied()).isEqualTo(12);
        assertThat(done.rate()).isGreaterThanOrEqualTo(0);
        assertThat(new ProjectionRebuild(store(), projector).status(SCOPE, "model", tenant))
                .hasValueSatisfying(status -> assertThat(status.done()).isTrue());
        // Handed over: the live feed applies the next envelope, once.
        projector.project(SCOPE, history(tenant, List.of("a"), 4, 1), List.of(handler));
        assertThat(handler.model(tenant).get("a")).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    default void a_new_handler_is_fed_everything_that_happened() {
        String tenant = freshTenant();
        List<String> ids = List.of("a", "b");
        history(tenant, ids, 0, 3);
        ReadModelHandler newcomer = new ReadModelHandler("newcomer");

        runToTheEnd(new ProjectionRebuild(store(), liveProjector()), newcomer, tenant, 2, 1);

        assertThat(newcomer.model(tenant)).isEqualTo(upTo(ids, 2));
    }

    @Test
    default void a_rebuild_stopped_between_steps_resumes_where_it_stopped_and_applies_nothing_twice() {
        List<String> ids = List.of("a", "b", "c");
        Live given = projectedLive(ids, 3);
        String tenant = given.tenant();
        ReadModelHandler handler = given.handler();

        RebuildProgress first = new ProjectionRebuild(store(), given.projector()).run(SCOPE, handler, tenant, 2, 2);
        // A new runner, as after a crash or in the next function invocation.
        RebuildProgress rest = runToTheEnd(new ProjectionRebuild(store(), liveProjector()), handler, tenant, 2, 1);

        assertThat(first.stage()).isEqualTo(RebuildProgress.Stage.RUNNING);
        assertThat(first.read()).isEqualTo(4);
        assertThat(first.position()).isNotNull();
        assertThat(rest.read()).isEqualTo(9);
        assertThat(handler.model(tenant)).isEqualTo(upTo(ids, 2));
    }

    @Test
    default void a_handler_failing_during_a_rebuild_stops_it_and_the_resumed_rebuild_ends_equal() {
        List<String> ids = List.of("a", "b");
        Live given = projectedLive(ids, 4);
        String tenant = given.tenant();
        ReadModelHandler handler = given.handler();
        Projector projector = given.projector();
        ProjectionRebuild rebuild = new ProjectionRebuild(store(), projector);

        handler.failOn("b", 2);
        RebuildProgress failed = rebuild.run(SCOPE, handler, tenant, 3, 100);
        // The parked-failure sweep leaves a handler being rebuilt to the rebuild.
        projector.retryAllParked(SCOPE, List.of(handler));
        handler.recover();
        RebuildProgress resumed = runToTheEnd(rebuild, handler, tenant, 3, 100);

        assertThat(failed.stage()).isEqualTo(RebuildProgress.Stage.FAILED);
        assertThat(failed.failures()).extracting(HandlerFailure::version).containsExactly(2L);
        assertThat(resumed.done()).isTrue();
        assertThat(handler.model(tenant)).isEqualTo(upTo(ids, 3));
        assertThat(projector.parked(SCOPE, tenant)).isEmpty();
    }

    @Test
    default void live_deliveries_during_a_rebuild_are_neither_skipped_nor_applied_twice() {
        String tenant = freshTenant();
        List<Envelope> history = history(tenant, List.of("a", "b"), 0, 3);
        ReadModelHandler handler = new ReadModelHandler("model");
        ReadModelHandler bystander = new ReadModelHandler("bystander");
        Projector live = liveProjector();
        live.project(SCOPE, history, List.of(handler, bystander));
        ProjectionRebuild rebuild = new ProjectionRebuild(store(), liveProjector());

        RebuildProgress started = rebuild.run(SCOPE, handler, tenant, 2, 1);
        // While it runs: new envelopes on a replayed stream, on one not replayed yet and on a new
        // stream, delivered live with duplicates of what the rebuild already applied.
        List<Envelope> during = new ArrayList<>(history(tenant, List.of("a", "b"), 3, 1));
        during.addAll(history(tenant, List.of("c"), 0, 1));
        during.addAll(history.subList(0, 2));
        live.project(SCOPE, during, List.of(handler, bystander));
        RebuildProgress done = runToTheEnd(rebuild, handler, tenant, 2, 1);
        // After the handover: a late redelivery of everything, and a new envelope.
        List<Envelope> after = new ArrayList<>(history);
        after.addAll(during);
        after.addAll(history(tenant, List.of("c"), 1, 1));
        live.project(SCOPE, after, List.of(handler, bystander));

        assertThat(started.stage()).isEqualTo(RebuildProgress.Stage.RUNNING);
        assertThat(done.done()).isTrue();
        Map<String, List<Long>> expected = Map.of("a", List.of(0L, 1L, 2L, 3L), "b", List.of(0L, 1L, 2L, 3L),
                "c", List.of(0L, 1L));
        assertThat(handler.model(tenant)).isEqualTo(expected);
        assertThat(bystander.model(tenant)).as("a handler not rebuilt goes on live").isEqualTo(expected);
    }

    @Test
    default void a_live_delivery_racing_the_rebuild_on_the_same_stream_leaves_it_to_the_rebuild() throws Exception {
        Live given = projectedLive(List.of("a", "b"), 3);
        String tenant = given.tenant();
        List<Envelope> history = given.history();
        ReadModelHandler handler = given.handler();
        Projector live = given.projector();
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        handler.pauseOnce("a", 1, reached, release);

        // The rebuild stops inside its application of a@1, before it records progress on a.
        CompletableFuture<RebuildProgress> rebuilding = CompletableFuture.supplyAsync(() ->
                new ProjectionRebuild(store(), liveProjector()).run(SCOPE, handler, tenant, 10, 100));
        assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();
        List<Envelope> racing = new ArrayList<>(history.subList(0, 4));
        racing.addAll(history(tenant, List.of("a"), 3, 1));
        live.project(SCOPE, racing, List.of(handler));
        release.countDown();
        RebuildProgress done = rebuilding.get(30, TimeUnit.SECONDS);

        assertThat(done.done()).isTrue();
        assertThat(handler.model(tenant)).isEqualTo(Map.of("a", List.of(0L, 1L, 2L, 3L), "b", List.of(0L, 1L, 2L)));
    }

    @Test
    default void the_handler_is_reset_only_once_the_grace_period_after_the_mark_has_passed() {
        List<String> ids = List.of("a", "b");
        Live given = projectedLive(ids, 3);
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ProjectionRebuild rebuild = new ProjectionRebuild(store(), given.projector(), Duration.ofMinutes(5), clock);

        RebuildProgress marked = rebuild.run(SCOPE, given.handler(), given.tenant(), 10, 100);
        Map<String, List<Long>> untouched = given.handler().model(given.tenant());
        given.projector().project(SCOPE, history(given.tenant(), List.of("a"), 3, 1), List.of(given.handler()));
        Map<String, List<Long>> leftToTheRebuild = given.handler().model(given.tenant());
        clock.advance(Duration.ofMinutes(4));
        RebuildProgress stillWaiting = rebuild.run(SCOPE, given.handler(), given.tenant(), 10, 100);
        clock.advance(Duration.ofMinutes(1));
        RebuildProgress done = runToTheEnd(rebuild, given.handler(), given.tenant(), 10, 100);

        assertThat(marked.stage()).isEqualTo(RebuildProgress.Stage.RUNNING);
        assertThat(marked.waitMillis()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(untouched).isEqualTo(upTo(ids, 2));
        assertThat(leftToTheRebuild).as("a live delivery during the grace period").isEqualTo(upTo(ids, 2));
        assertThat(stillWaiting.waitMillis()).isEqualTo(Duration.ofMinutes(1).toMillis());
        assertThat(done.done()).isTrue();
        assertThat(given.handler().model(given.tenant()))
                .isEqualTo(Map.of("a", List.of(0L, 1L, 2L, 3L), "b", List.of(0L, 1L, 2L)));
    }

    @Test
    default void the_store_lists_every_tenant_with_envelopes_in_name_order() {
        String one = freshTenant();
        String two = freshTenant();
        history(two, List.of("a"), 0, 1);
        history(one, List.of("a"), 0, 2);

        List<String> tenants = store().tenants();

        assertThat(tenants).contains(one, two).isSorted();
    }

    @Test
    default void a_rebuild_of_all_tenants_covers_every_tenant_and_resumes_across_steps() {
        List<String> tenants = new ArrayList<>(List.of(freshTenant(), freshTenant(), freshTenant()));
        tenants.sort(null);
        ReadModelHandler handler = new ReadModelHandler("all-" + tenants.get(0));
        Projector projector = liveProjector();
        for (int i = 0; i < tenants.size(); i++) {
            projector.project(SCOPE, history(tenants.get(i), List.of("a", "b"), 0, i + 1), List.of(handler));
        }
        AllTenantsRebuild rebuild = new AllTenantsRebuild(store(), projector, Duration.ZERO, Clock.systemUTC(),
                () -> store().tenants().stream().filter(tenants::contains).toList());

        List<AllTenantsRebuild.Progress> steps = new ArrayList<>();
        do {
            steps.add(rebuild.run(SCOPE, handler, 2, 2));
            assertThat(steps).hasSizeLessThan(20);
        } while (steps.get(steps.size() - 1).stage() != RebuildProgress.Stage.DONE);

        assertThat(steps).hasSizeGreaterThan(1);
        assertThat(steps.get(steps.size() - 1).tenantsDone()).isEqualTo(3);
        for (int i = 0; i < tenants.size(); i++) {
            assertThat(handler.model(tenants.get(i))).as(tenants.get(i)).isEqualTo(upTo(List.of("a", "b"), i));
        }
    }

    @Test
    default void a_rebuild_of_all_tenants_marks_them_all_first_waits_once_and_leaves_a_newer_tenant_to_the_live_feed() {
        List<String> tenants = new CopyOnWriteArrayList<>(List.of(freshTenant(), freshTenant()));
        ReadModelHandler handler = new ReadModelHandler("all-" + tenants.get(0));
        Projector projector = liveProjector();
        tenants.forEach(tenant -> projector.project(SCOPE, history(tenant, List.of("a"), 0, 2), List.of(handler)));
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        AllTenantsRebuild rebuild = new AllTenantsRebuild(store(), projector, Duration.ofMinutes(5), clock,
                () -> store().tenants().stream().filter(tenants::contains).sorted().toList());

        AllTenantsRebuild.Progress marked = rebuild.run(SCOPE, handler, 10, 100);
        String newer = freshTenant();
        tenants.add(newer);
        projector.project(SCOPE, history(newer, List.of("a"), 0, 3), List.of(handler));
        clock.advance(Duration.ofMinutes(5));
        AllTenantsRebuild.Progress done = rebuild.run(SCOPE, handler, 10, 100);

        assertThat(marked.stage()).isEqualTo(RebuildProgress.Stage.RUNNING);
        assertThat(marked.waitMillis()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(done.stage()).isEqualTo(RebuildProgress.Stage.DONE);
        assertThat(done.tenantsDone()).isEqualTo(3);
        for (String tenant : tenants) {
            assertThat(handler.model(tenant)).as(tenant)
                    .isEqualTo(upTo(List.of("a"), tenant.equals(newer) ? 2 : 1));
        }
        assertThat(done.tenants()).filteredOn(step -> step.tenant().equals(newer)).singleElement()
                .satisfies(step -> assertThat(step.read()).as("nothing to rebuild").isZero());
    }
}
