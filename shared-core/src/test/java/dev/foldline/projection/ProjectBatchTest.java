package dev.foldline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.MemoryEventStore;
import dev.foldline.trace.Tracer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A delivered batch maps to ordered deliveries and to the first record the platform must send again. */
class ProjectBatchTest {

    private static final StreamId A = new StreamId("t1", "numbers", "a");
    private static final StreamId B = new StreamId("t1", "numbers", "b");

    private final MemoryEventStore store = new MemoryEventStore();
    private final Projector projector = new Projector(store, 1, Tracer.NOOP);
    private final List<String> applied = new ArrayList<>();
    private final Set<String> failing = new HashSet<>();
    private final EventHandler handler = EventHandler.of("recorder", Map.of("Happened", (envelope, event) -> {
        String label = label(envelope);
        if (failing.contains(label)) {
            throw new IllegalStateException("cannot handle " + label);
        }
        applied.add(label);
    }));

    private static String label(Envelope envelope) {
        return envelope.stream().aggregateId() + envelope.version();
    }

    private static Envelope envelope(StreamId stream, long version) {
        return new Envelope(stream, version, "Do", Actor.of("t1", "u1"),
                List.of(Event.of("Happened", Payload.empty())), Instant.parse("2026-06-01T12:00:00Z"));
    }

    /** Commits versions 0..last of the stream and returns them. */
    private List<Envelope> committed(StreamId stream, int last) {
        List<Envelope> envelopes = new ArrayList<>();
        for (int version = 0; version <= last; version++) {
            Envelope envelope = envelope(stream, version);
            assertThat(store.append(envelope, null)).isEqualTo(AppendResult.COMMITTED);
            envelopes.add(envelope);
        }
        return envelopes;
    }

    /** The batch of the given envelopes, each record's position "r1", "r2"... in delivery order. */
    private static List<Delivery<String>> batch(Envelope... envelopes) {
        List<Delivery<String>> batch = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            batch.add(new Delivery<>("r" + (batch.size() + 1), envelope));
        }
        return batch;
    }

    private BatchResult<String> project(List<Delivery<String>> batch) {
        return projector.projectBatch("stream", batch, List.of(handler));
    }

    @Test
    void a_shuffled_batch_with_duplicates_is_applied_once_in_version_order_and_nothing_is_retried() {
        List<Envelope> a = committed(A, 2);
        List<Envelope> b = committed(B, 1);
        BatchResult<String> result = project(batch(a.get(2), b.get(1), a.get(0), a.get(2), b.get(0), a.get(1), a.get(0)));

        assertThat(result.retryFrom()).isEmpty();
        assertThat(applied).containsExactly("a0", "a1", "a2", "b0", "b1");
        assertThat(result.report().applied()).isEqualTo(5);
    }

    @Test
    void a_failure_in_the_middle_names_its_record_and_other_streams_go_on() {
        List<Envelope> a = committed(A, 3);
        List<Envelope> b = committed(B, 1);
        failing.add("a2");
        BatchResult<String> result = project(batch(a.get(0), b.get(0), a.get(1), a.get(2), b.get(1), a.get(3)));

        assertThat(result.retryFrom()).contains("r4");
        assertThat(applied).containsExactly("a0", "a1", "b0", "b1");
        assertThat(result.report().failures()).extracting(HandlerFailure::version).containsExactly(2L);
    }

    @Test
    void in_a_shuffled_batch_the_earliest_record_at_or_after_the_failed_version_is_retried() {
        List<Envelope> a = committed(A, 2);
        failing.add("a1");
        // a2 arrives first: retrying from a1's record would skip it.
        BatchResult<String> result = project(batch(a.get(2), a.get(0), a.get(1), a.get(0)));

        assertThat(result.retryFrom()).contains("r1");
        assertThat(applied).containsExactly("a0");
    }

    @Test
    void the_earliest_of_several_failures_wins() {
        List<Envelope> a = committed(A, 1);
        List<Envelope> b = committed(B, 1);
        failing.add("a1");
        failing.add("b0");
        BatchResult<String> result = project(batch(a.get(0), a.get(1), b.get(0), b.get(1)));

        assertThat(result.retryFrom()).contains("r2");
        assertThat(result.report().failures()).hasSize(2);
    }

    @Test
    void a_failure_on_a_version_the_batch_did_not_carry_names_the_streams_next_record() {
        List<Envelope> a = committed(A, 3);
        project(batch(a.get(0)));
        failing.add("a2");
        // The batch skips a1 and a2: the projector reads them from the store, and a2 fails.
        BatchResult<String> result = project(batch(committed(B, 0).get(0), a.get(3)));

        assertThat(result.retryFrom()).contains("r2");
        assertThat(result.report().filled()).isEqualTo(2);
        assertThat(applied).containsExactly("a0", "b0", "a1");
    }

    @Test
    void a_gap_the_store_cannot_fill_yet_names_the_record_after_it() {
        // Version 1 of "c" arrives while the store has no version 0 (not visible yet, or lost).
        StreamId c = new StreamId("t1", "numbers", "c");
        BatchResult<String> result = project(batch(committed(A, 0).get(0), envelope(c, 1)));

        assertThat(result.retryFrom()).contains("r2");
        assertThat(result.report().failures()).singleElement()
                .satisfies(f -> assertThat(f.error()).contains("version 0 is missing"));
        assertThat(applied).containsExactly("a0");
    }

    @Test
    void redelivering_from_the_named_record_after_a_fix_applies_the_rest_exactly_once() {
        List<Envelope> a = committed(A, 3);
        List<Envelope> b = committed(B, 1);
        failing.add("a1");
        List<Delivery<String>> batch = batch(a.get(0), b.get(0), a.get(1), b.get(1), a.get(2), a.get(3));
        BatchResult<String> first = project(batch);
        assertThat(first.retryFrom()).contains("r3");

        failing.clear();
        int from = batch.indexOf(batch.stream().filter(d -> d.position().equals("r3")).findFirst().orElseThrow());
        BatchResult<String> again = project(batch.subList(from, batch.size()));

        assertThat(again.retryFrom()).isEmpty();
        assertThat(applied).containsExactly("a0", "b0", "b1", "a1", "a2", "a3");
    }

    @Test
    void an_empty_batch_retries_nothing() {
        assertThat(project(List.of()).retryFrom()).isEmpty();
    }

    @Test
    void the_report_summary_counts_and_describes_the_parked_failures() {
        List<Envelope> a = committed(A, 1);
        failing.add("a1");
        Map<String, Object> summary = project(batch(a.get(0), a.get(1))).report().summary();

        assertThat(summary).containsOnlyKeys("applied", "stillParked", "failures")
                .containsEntry("applied", 1).containsEntry("stillParked", 1);
        assertThat(summary.get("failures")).isEqualTo(
                List.of("recorder on t1/numbers/a@1: IllegalStateException: cannot handle a1"));
    }
}
