package dev.foldline.store.contract;

import static dev.foldline.store.contract.Envelopes.envelope;
import static dev.foldline.store.contract.Envelopes.key;
import static dev.foldline.store.contract.Envelopes.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Reading a tenant's envelopes from a resumable position. Stores may hand an envelope out again
 * (readers skip it by version) but must never miss one, whatever order commits land in.
 */
public interface ReadAllContract extends StoreFixture {

    /** Reads from the position until the store has nothing more, collecting distinct envelopes in order seen. */
    default ReadResult readToEnd(String tenant, String from, int limit) {
        List<Envelope> seen = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        String position = from;
        for (int pages = 0; pages < 10_000; pages++) {
            Page page = store().readAll(tenant, position, limit);
            assertThat(page.envelopes().size()).isLessThanOrEqualTo(limit);
            for (Envelope envelope : page.envelopes()) {
                if (distinct.add(key(envelope))) {
                    seen.add(envelope);
                }
            }
            position = page.nextPosition();
            if (!page.more()) {
                return new ReadResult(seen, position);
            }
        }
        throw new AssertionError("the reader never reached the end");
    }

    record ReadResult(List<Envelope> envelopes, String position) {
    }

    @Test
    default void read_all_returns_the_tenants_envelopes_and_no_other_tenants() {
        String tenant = freshTenant();
        String other = freshTenant();
        store().append(envelope(new StreamId(tenant, "numbers", "a"), 0), null);
        store().append(envelope(new StreamId(other, "numbers", "a"), 0), null);
        store().append(envelope(new StreamId(tenant, "calculator", "b"), 0), null);

        ReadResult result = readToEnd(tenant, null, 100);

        assertThat(keys(result.envelopes())).containsExactlyInAnyOrder("numbers/a@0", "calculator/b@0");
        assertThat(result.envelopes()).allSatisfy(e -> assertThat(e.tenant()).isEqualTo(tenant));
    }

    @Test
    default void read_all_of_a_tenant_without_envelopes_is_an_empty_last_page() {
        Page page = store().readAll(freshTenant(), null, 10);

        assertThat(page.envelopes()).isEmpty();
        assertThat(page.more()).isFalse();
    }

    @Test
    default void read_all_pages_through_everything_in_small_pages() {
        String tenant = freshTenant();
        Set<String> written = new LinkedHashSet<>();
        for (int i = 0; i < 7; i++) {
            for (int version = 0; version < 3; version++) {
                Envelope envelope = envelope(new StreamId(tenant, "numbers", "agg" + i), version);
                store().append(envelope, null);
                written.add(key(envelope));
            }
        }

        ReadResult result = readToEnd(tenant, null, 4);

        assertThat(keys(result.envelopes())).isEqualTo(written);
    }

    @Test
    default void read_all_keeps_each_aggregates_envelopes_in_version_order() {
        String tenant = freshTenant();
        for (int version = 0; version < 4; version++) {
            for (String id : List.of("x", "y", "z")) {
                store().append(envelope(new StreamId(tenant, "numbers", id), version), null);
            }
        }

        ReadResult result = readToEnd(tenant, null, 5);

        Map<String, Long> last = new HashMap<>();
        for (Envelope envelope : result.envelopes()) {
            long previous = last.getOrDefault(envelope.stream().aggregateId(), -1L);
            assertThat(envelope.version()).as("version after %s", previous).isEqualTo(previous + 1);
            last.put(envelope.stream().aggregateId(), envelope.version());
        }
        assertThat(last).containsOnly(Map.entry("x", 3L), Map.entry("y", 3L), Map.entry("z", 3L));
    }

    @Test
    default void a_reader_resuming_from_its_position_gets_what_was_appended_since() {
        String tenant = freshTenant();
        store().append(envelope(new StreamId(tenant, "numbers", "a"), 0), null);
        ReadResult first = readToEnd(tenant, null, 10);

        store().append(envelope(new StreamId(tenant, "numbers", "a"), 1), null);
        store().append(envelope(new StreamId(tenant, "numbers", "b"), 0), null);
        ReadResult second = readToEnd(tenant, first.position(), 10);

        assertThat(keys(first.envelopes())).containsExactly("numbers/a@0");
        assertThat(keys(second.envelopes())).contains("numbers/a@1", "numbers/b@0");
    }

    @Test
    default void a_reader_never_misses_an_envelope_stamped_earlier_than_ones_it_has_read() {
        String tenant = freshTenant();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store().append(envelope(new StreamId(tenant, "numbers", "fast"), 0, now), null);
        ReadResult before = readToEnd(tenant, null, 10);

        // A slow writer stamped its envelope a second earlier and commits only now.
        store().append(envelope(new StreamId(tenant, "numbers", "slow"), 0, now.minusSeconds(1)), null);
        ReadResult after = readToEnd(tenant, before.position(), 10);

        assertThat(keys(before.envelopes())).containsExactly("numbers/fast@0");
        assertThat(keys(after.envelopes())).contains("numbers/slow@0");
    }

    @Test
    default void a_reader_tailing_concurrent_writers_sees_every_envelope() throws Exception {
        String tenant = freshTenant();
        int writers = 3;
        int perWriter = 10;
        Set<String> written = ConcurrentHashMap.newKeySet();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Future<String> reader = pool.submit(() -> {
                start.await();
                String position = null;
                while (writing.get()) {
                    Page page = store().readAll(tenant, position, 7);
                    page.envelopes().forEach(e -> seen.add(key(e)));
                    position = page.nextPosition();
                }
                return position;
            });
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                StreamId stream = new StreamId(tenant, "numbers", "writer" + w);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int version = 0; version < perWriter; version++) {
                        Envelope envelope = envelope(stream, version);
                        assertThat(store().append(envelope, null)).isEqualTo(AppendResult.COMMITTED);
                        written.add(key(envelope));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
            writing.set(false);
            String position = reader.get();
            readToEnd(tenant, position, 7).envelopes().forEach(e -> seen.add(key(e)));
        } finally {
            pool.shutdownNow();
        }

        assertThat(written).hasSize(writers * perWriter);
        assertThat(seen).isEqualTo(written);
    }
}
