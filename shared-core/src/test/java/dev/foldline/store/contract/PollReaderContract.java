package dev.foldline.store.contract;

import static dev.foldline.store.contract.Envelopes.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.model.StreamId;
import dev.foldline.projection.EventHandler;
import dev.foldline.projection.PollReader;
import dev.foldline.projection.PollResult;
import dev.foldline.projection.Projector;
import dev.foldline.trace.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The poll reader on this store: leases per thread, cursors per (thread, handler), nothing skipped. */
public interface PollReaderContract extends StoreFixture {

    default PollReader pollReader() {
        return new PollReader(store(), new Projector(store(), 1, Tracer.NOOP));
    }

    default void appendVersions(StreamId stream, int from, int to) {
        for (int version = from; version < to; version++) {
            store().append(envelope(stream, version), null);
        }
    }

    @Test
    default void polls_catch_up_page_by_page_and_say_when_more_remain() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "s");
        appendVersions(stream, 0, 5);
        RecordingHandler handler = new RecordingHandler("recorder");
        PollReader reader = pollReader();

        PollResult first = reader.poll(stream.tenant(), "main", List.of(handler), 2, Duration.ofMinutes(1));
        assertThat(first.leased()).isTrue();
        assertThat(first.more()).isTrue();
        int polls = 1;
        PollResult last = first;
        while (last.more()) {
            last = reader.poll(stream.tenant(), "main", List.of(handler), 2, Duration.ofMinutes(1));
            polls++;
            assertThat(polls).isLessThan(20);
        }

        assertThat(handler.applied("s")).containsExactly(0L, 1L, 2L, 3L, 4L);
        appendVersions(stream, 5, 6);
        reader.poll(stream.tenant(), "main", List.of(handler), 10, Duration.ofMinutes(1));
        assertThat(handler.applied("s")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    default void a_thread_leased_by_one_poller_gives_nothing_to_another() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "s");
        appendVersions(stream, 0, 1);
        PollReader reader = pollReader();
        RecordingHandler other = new RecordingHandler("other");
        AtomicReference<PollResult> during = new AtomicReference<>();
        EventHandler nested = EventHandler.of("nested", Map.of("Happened", (envelope, event) -> during.set(
                reader.poll(stream.tenant(), "main", List.of(other), 10, Duration.ofMinutes(1)))));

        PollResult outer = reader.poll(stream.tenant(), "main", List.of(nested), 10, Duration.ofMinutes(1));

        assertThat(outer.leased()).isTrue();
        assertThat(during.get().leased()).isFalse();
        assertThat(other.applied("s")).isEmpty();
        PollResult after = reader.poll(stream.tenant(), "main", List.of(other), 10, Duration.ofMinutes(1));
        assertThat(after.leased()).isTrue();
        assertThat(other.applied("s")).containsExactly(0L);
    }

    @Test
    default void an_expired_lease_is_taken_over() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "s");
        appendVersions(stream, 0, 1);
        PollReader reader = pollReader();
        RecordingHandler other = new RecordingHandler("other");
        AtomicReference<PollResult> during = new AtomicReference<>();
        EventHandler nested = EventHandler.of("nested", Map.of("Happened", (envelope, event) -> during.set(
                reader.poll(stream.tenant(), "main", List.of(other), 10, Duration.ofMinutes(1)))));

        reader.poll(stream.tenant(), "main", List.of(nested), 10, Duration.ZERO);

        assertThat(during.get().leased()).isTrue();
        assertThat(other.applied("s")).containsExactly(0L);
    }

    @Test
    default void each_thread_keeps_its_own_cursor_for_each_handler() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "s");
        appendVersions(stream, 0, 3);
        RecordingHandler one = new RecordingHandler("one");
        RecordingHandler two = new RecordingHandler("two");
        PollReader reader = pollReader();

        reader.poll(stream.tenant(), "x", List.of(one), 10, Duration.ofMinutes(1));
        reader.poll(stream.tenant(), "y", List.of(one, two), 10, Duration.ofMinutes(1));
        reader.poll(stream.tenant(), "x", List.of(one, two), 10, Duration.ofMinutes(1));

        assertThat(one.applied("s")).containsExactly(0L, 1L, 2L, 0L, 1L, 2L);
        assertThat(two.applied("s")).containsExactly(0L, 1L, 2L, 0L, 1L, 2L);
    }

    @Test
    default void a_poll_never_skips_a_handler_failure() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "s");
        appendVersions(stream, 0, 4);
        RecordingHandler handler = new RecordingHandler("recorder").failOn("s", 1);
        PollReader reader = pollReader();

        PollResult failed = reader.poll(stream.tenant(), "main", List.of(handler), 10, Duration.ofMinutes(1));
        PollResult stillFailing = reader.poll(stream.tenant(), "main", List.of(handler), 10, Duration.ofMinutes(1));
        handler.recover();
        PollResult recovered = reader.poll(stream.tenant(), "main", List.of(handler), 10, Duration.ofMinutes(1));

        assertThat(failed.failures()).singleElement().satisfies(f -> assertThat(f.version()).isEqualTo(1));
        assertThat(stillFailing.failures()).isNotEmpty();
        assertThat(recovered.failures()).isEmpty();
        assertThat(handler.applied("s")).containsExactly(0L, 1L, 2L, 3L);
    }
}
