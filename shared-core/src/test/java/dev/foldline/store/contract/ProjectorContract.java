package dev.foldline.store.contract;

import static dev.foldline.store.contract.Envelopes.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.projection.HandlerFailure;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.projection.Projector;
import dev.foldline.store.CheckpointStore;
import dev.foldline.trace.Tracer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The projector on this store: exactly-once, in-order effects from any delivery. */
public interface ProjectorContract extends StoreFixture {

    default Projector projector() {
        return new Projector(store(), 2, Tracer.NOOP);
    }

    default List<Envelope> appendAll(StreamId stream, int count) {
        List<Envelope> envelopes = new ArrayList<>();
        for (int version = 0; version < count; version++) {
            Envelope envelope = envelope(stream, version);
            store().append(envelope, null);
            envelopes.add(envelope);
        }
        return envelopes;
    }

    @Test
    default void shuffled_and_duplicated_deliveries_apply_each_envelope_once_in_order() {
        String tenant = freshTenant();
        List<Envelope> delivered = new ArrayList<>();
        for (String id : List.of("a", "b", "c")) {
            List<Envelope> stream = appendAll(new StreamId(tenant, "numbers", id), 6);
            delivered.addAll(stream);
            delivered.addAll(stream.subList(1, 4));
        }
        Collections.shuffle(delivered, new Random(42));
        RecordingHandler handler = new RecordingHandler("recorder");
        Projector projector = projector();

        for (int from = 0; from < delivered.size(); from += 5) {
            List<Envelope> batch = delivered.subList(from, Math.min(delivered.size(), from + 5));
            assertThat(projector.project("trigger", batch, List.of(handler)).succeeded()).isTrue();
        }
        projector.project("trigger", delivered, List.of(handler));

        for (String id : List.of("a", "b", "c")) {
            assertThat(handler.applied(id)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    default void a_gap_in_a_delivery_is_filled_from_the_store() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "gappy");
        List<Envelope> envelopes = appendAll(stream, 5);
        RecordingHandler handler = new RecordingHandler("recorder");

        ProjectionReport report = projector().project("trigger", List.of(envelopes.get(4)), List.of(handler));

        assertThat(handler.applied("gappy")).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(report.filled()).isEqualTo(4);
        assertThat(report.applied()).isEqualTo(5);
    }

    @Test
    default void a_failing_handler_is_retried_then_parked_and_never_moves_past_the_failure() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "s");
        List<Envelope> envelopes = appendAll(stream, 4);
        RecordingHandler handler = new RecordingHandler("recorder").failOn("s", 2);
        Projector projector = projector();

        ProjectionReport report = projector.project("trigger", envelopes, List.of(handler));

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.stream()).isEqualTo(stream);
            assertThat(failure.version()).isEqualTo(2);
            assertThat(failure.error()).contains("handler refuses s@2");
        });
        assertThat(handler.applied("s")).containsExactly(0L, 1L);
        assertThat(handler.attempts()).isEqualTo(2 + 2);
        assertThat(projector.appliedVersion("trigger", "recorder", stream)).isEqualTo(1);
        assertThat(projector.parked("trigger", stream.tenant())).extracting(HandlerFailure::version).containsExactly(2L);

        // Redelivering the later envelope alone does not skip the failed one.
        ProjectionReport again = projector.project("trigger", List.of(envelopes.get(3)), List.of(handler));
        assertThat(again.succeeded()).isFalse();
        assertThat(handler.applied("s")).containsExactly(0L, 1L);
    }

    @Test
    default void a_parked_stream_resumes_where_it_stopped_once_the_handler_recovers() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "s");
        List<Envelope> envelopes = appendAll(stream, 4);
        RecordingHandler handler = new RecordingHandler("recorder").failOn("s", 1);
        Projector projector = projector();
        projector.project("trigger", envelopes, List.of(handler));

        handler.recover();
        ProjectionReport retried = projector.retryParked("trigger", stream.tenant(), List.of(handler));

        assertThat(retried.succeeded()).isTrue();
        assertThat(handler.applied("s")).containsExactly(0L, 1L, 2L, 3L);
        assertThat(projector.parked("trigger", stream.tenant())).isEmpty();
        assertThat(projector.appliedVersion("trigger", "recorder", stream)).isEqualTo(3);
    }

    @Test
    default void one_sweep_retries_the_parked_failures_of_every_tenant_once_the_handler_recovers() {
        String scope = "sweep-" + freshTenant();
        StreamId one = new StreamId(freshTenant(), "numbers", "s");
        StreamId two = new StreamId(freshTenant(), "numbers", "s");
        RecordingHandler handler = new RecordingHandler("recorder").failOn("s", 1);
        Projector projector = projector();
        projector.project(scope, appendAll(one, 3), List.of(handler));
        projector.project(scope, appendAll(two, 2), List.of(handler));

        ProjectionReport stillFailing = projector.retryAllParked(scope, List.of(handler));
        handler.recover();
        ProjectionReport recovered = projector.retryAllParked(scope, List.of(handler));
        ProjectionReport nothingLeft = projector.retryAllParked(scope, List.of(handler));

        assertThat(stillFailing.failedStreams()).containsExactlyInAnyOrder(one, two);
        assertThat(recovered.succeeded()).isTrue();
        assertThat(recovered.applied()).isEqualTo(3);
        assertThat(handler.applied("s")).containsExactlyInAnyOrder(0L, 1L, 2L, 0L, 1L);
        assertThat(projector.parked(scope, one.tenant())).isEmpty();
        assertThat(projector.parked(scope, two.tenant())).isEmpty();
        assertThat(nothingLeft).isEqualTo(ProjectionReport.EMPTY);
        assertThat(store().checkpoints().list(CheckpointStore.SYSTEM_SPACE, "parked-tenant/" + scope + "/")).isEmpty();
    }

    @Test
    default void a_failing_stream_does_not_block_other_streams_or_other_handlers() {
        String tenant = freshTenant();
        List<Envelope> delivered = new ArrayList<>(appendAll(new StreamId(tenant, "numbers", "bad"), 3));
        delivered.addAll(appendAll(new StreamId(tenant, "numbers", "good"), 3));
        RecordingHandler failing = new RecordingHandler("failing").failOn("bad", 0);
        RecordingHandler healthy = new RecordingHandler("healthy");

        ProjectionReport report = projector().project("trigger", delivered, List.of(failing, healthy));

        assertThat(report.failedStreams()).containsExactly(new StreamId(tenant, "numbers", "bad"));
        assertThat(failing.applied("bad")).isEmpty();
        assertThat(failing.applied("good")).containsExactly(0L, 1L, 2L);
        assertThat(healthy.applied("bad")).containsExactly(0L, 1L, 2L);
        assertThat(healthy.applied("good")).containsExactly(0L, 1L, 2L);
    }

    @Test
    default void scopes_keep_independent_progress_for_the_same_handler() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "s");
        List<Envelope> envelopes = appendAll(stream, 3);
        RecordingHandler handler = new RecordingHandler("recorder");
        Projector projector = projector();

        projector.project("one", envelopes, List.of(handler));
        projector.project("two", envelopes, List.of(handler));

        assertThat(handler.applied("s")).containsExactly(0L, 1L, 2L, 0L, 1L, 2L);
    }
}
