package dev.foldline.store.contract;

import static dev.foldline.store.contract.Envelopes.envelope;
import static dev.foldline.store.contract.Envelopes.versions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.StreamSlice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Appending envelopes and loading them back. */
public interface AppendAndLoadContract extends StoreFixture {

    @Test
    default void an_appended_envelope_loads_back_unchanged() {
        String tenant = freshTenant();
        StreamId stream = new StreamId(tenant, "numbers", "a1");
        Envelope envelope = new Envelope(stream, 0, "AddNumbers",
                new Actor(tenant, "user1", Set.of("manager", "user"), Map.of("name", "Ünïcødé ✓")),
                List.of(Event.of("NumbersAdded", Payload.empty().with("number1", 1).with("text", "a \"quoted\" ✓")),
                        new Event("NumbersChecked", Payload.empty().with("ok", true), 2)),
                Instant.parse("2026-01-01T00:00:00.123Z"), "key-1", "fingerprint-1", "attempt-1");

        assertThat(store().append(envelope, null)).isEqualTo(AppendResult.COMMITTED);

        StreamSlice slice = store().load(stream, -1);
        assertThat(slice.snapshot()).isEmpty();
        assertThat(slice.envelopes()).containsExactly(envelope);
    }

    @Test
    default void a_stream_that_was_never_written_loads_empty() {
        StreamSlice slice = store().load(new StreamId(freshTenant(), "numbers", "nothing"), -1);

        assertThat(slice.snapshot()).isEmpty();
        assertThat(slice.envelopes()).isEmpty();
    }

    @Test
    default void appending_a_version_that_is_taken_is_a_conflict_and_writes_nothing() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "a1");
        Envelope first = envelope(stream, 0, "First");
        store().append(first, null);

        AppendResult second = store().append(envelope(stream, 0, "Second"), new Snapshot(0, "{\"sum\":99}"));

        assertThat(second).isEqualTo(AppendResult.CONFLICT);
        StreamSlice slice = store().load(stream, -1);
        assertThat(slice.envelopes()).containsExactly(first);
        assertThat(slice.snapshot()).isEmpty();
    }

    @Test
    default void envelopes_and_their_events_load_in_order() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "a1");
        List<Envelope> appended = new ArrayList<>();
        for (int version = 0; version < 5; version++) {
            Envelope envelope = envelope(stream, version, "E" + version + "a", "E" + version + "b", "E" + version + "c");
            assertThat(store().append(envelope, null)).isEqualTo(AppendResult.COMMITTED);
            appended.add(envelope);
        }

        List<Envelope> loaded = store().load(stream, -1).envelopes();

        assertThat(loaded).containsExactlyElementsOf(appended);
        assertThat(loaded.get(3).events()).extracting(Event::name).containsExactly("E3a", "E3b", "E3c");
    }

    @Test
    default void loading_after_a_known_version_returns_only_newer_envelopes() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "a1");
        for (int version = 0; version < 4; version++) {
            store().append(envelope(stream, version), null);
        }

        assertThat(versions(store().load(stream, 1).envelopes())).containsExactly(2L, 3L);
        assertThat(store().load(stream, 3).envelopes()).isEmpty();
    }

    @Test
    default void a_snapshot_comes_with_only_the_envelopes_after_it() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "a1");
        store().append(envelope(stream, 0), null);
        store().append(envelope(stream, 1), new Snapshot(1, "{\"sum\":1}"));
        store().append(envelope(stream, 2), null);
        store().append(envelope(stream, 3), new Snapshot(3, "{\"sum\":3}"));
        store().append(envelope(stream, 4), null);

        StreamSlice slice = store().load(stream, -1);

        assertThat(slice.snapshot()).contains(new Snapshot(3, "{\"sum\":3}"));
        assertThat(versions(slice.envelopes())).containsExactly(4L);
    }

    @Test
    default void a_snapshot_no_newer_than_the_known_version_is_left_out() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "a1");
        store().append(envelope(stream, 0), new Snapshot(0, "{\"sum\":0}"));
        store().append(envelope(stream, 1), null);
        store().append(envelope(stream, 2), null);

        StreamSlice slice = store().load(stream, 0);

        assertThat(slice.snapshot()).isEmpty();
        assertThat(versions(slice.envelopes())).containsExactly(1L, 2L);
    }

    @Test
    default void a_snapshot_is_never_ahead_of_the_events() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "a1");
        store().append(envelope(stream, 0), new Snapshot(0, "{\"sum\":0}"));
        store().append(envelope(stream, 1), null);

        AppendResult rejected = store().append(envelope(stream, 1), new Snapshot(1, "{\"sum\":42}"));

        assertThat(rejected).isEqualTo(AppendResult.CONFLICT);
        StreamSlice slice = store().load(stream, -1);
        assertThat(slice.snapshot()).contains(new Snapshot(0, "{\"sum\":0}"));
        assertThat(versions(slice.envelopes())).containsExactly(1L);
    }

    @Test
    default void read_returns_the_requested_range_of_versions() {
        StreamId stream = new StreamId(freshTenant(), "numbers", "a1");
        for (int version = 0; version < 6; version++) {
            store().append(envelope(stream, version), version == 2 ? new Snapshot(2, "{}") : null);
        }

        assertThat(versions(store().read(stream, 1, 3))).containsExactly(1L, 2L, 3L);
        assertThat(versions(store().read(stream, 4, Long.MAX_VALUE))).containsExactly(4L, 5L);
        assertThat(store().read(stream, 6, 10)).isEmpty();
    }

    @Test
    default void the_same_aggregate_id_in_two_tenants_stays_separate() {
        StreamId one = new StreamId(freshTenant(), "numbers", "shared-id");
        StreamId two = new StreamId(freshTenant(), "numbers", "shared-id");
        store().append(envelope(one, 0, "InOne"), new Snapshot(0, "{\"tenant\":1}"));

        assertThat(store().append(envelope(two, 0, "InTwo"), null)).isEqualTo(AppendResult.COMMITTED);

        assertThat(store().load(one, -1).snapshot()).contains(new Snapshot(0, "{\"tenant\":1}"));
        assertThat(store().read(one, 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.events().get(0).name()).isEqualTo("InOne"));
        StreamSlice second = store().load(two, -1);
        assertThat(second.snapshot()).isEmpty();
        assertThat(second.envelopes()).singleElement()
                .satisfies(e -> assertThat(e.events().get(0).name()).isEqualTo("InTwo"));
    }

    @Test
    default void the_same_id_under_two_aggregate_types_stays_separate() {
        String tenant = freshTenant();
        StreamId numbers = new StreamId(tenant, "numbers", "x");
        StreamId calculator = new StreamId(tenant, "calculator", "x");
        store().append(envelope(numbers, 0), null);

        assertThat(store().append(envelope(calculator, 0), null)).isEqualTo(AppendResult.COMMITTED);
        assertThat(store().load(numbers, -1).envelopes()).hasSize(1);
        assertThat(store().load(calculator, -1).envelopes()).hasSize(1);
    }

    @Test
    default void concurrent_appends_to_one_stream_lose_nothing_and_duplicate_nothing() throws Exception {
        StreamId stream = new StreamId(freshTenant(), "numbers", "contended");
        int writers = 4;
        int perWriter = 8;
        ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        Concurrently.run(writers, w -> {
            for (int i = 0; i < perWriter; i++) {
                String mark = "w" + w + "-" + i;
                while (true) {
                    List<Envelope> known = store().load(stream, -1).envelopes();
                    long next = known.isEmpty() ? 0 : known.get(known.size() - 1).version() + 1;
                    if (store().append(envelope(stream, next, mark), null) == AppendResult.COMMITTED) {
                        committed.add(mark);
                        break;
                    }
                }
            }
        });

        List<Envelope> stored = store().load(stream, -1).envelopes();
        assertThat(versions(stored)).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, writers * perWriter).boxed().toList());
        assertThat(stored).extracting(e -> e.events().get(0).name())
                .containsExactlyInAnyOrderElementsOf(committed)
                .doesNotHaveDuplicates();
    }
}
