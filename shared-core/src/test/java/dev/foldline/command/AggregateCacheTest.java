package dev.foldline.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.aggregate.Aggregate;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.examples.Numbers;
import dev.foldline.model.StreamId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

    private final StreamId stream = new StreamId("t1", Numbers.NAME, "n1");

    @Test
    void an_aggregate_without_envelopes_is_not_kept() {
        AggregateCache cache = new AggregateCache(10, Long.MAX_VALUE);

        cache.put(Aggregate.fresh(Numbers.type(), stream));

        assertThat(cache.<Numbers.State>get(stream)).isNull();
    }

    @Test
    void the_newer_of_two_versions_is_kept_and_the_eldest_entry_leaves_at_capacity() {
        AggregateCache cache = new AggregateCache(1, Long.MAX_VALUE);
        Aggregate<Numbers.State> v1 = new Aggregate<>(Numbers.type(), stream, 1, new Numbers.State(1), -1, Map.of());
        Aggregate<Numbers.State> v0 = new Aggregate<>(Numbers.type(), stream, 0, new Numbers.State(0), -1, Map.of());
        StreamId other = new StreamId("t1", Numbers.NAME, "n2");

        cache.put(v1);
        cache.put(v0);
        assertThat(cache.<Numbers.State>get(stream)).isSameAs(v1);

        cache.put(new Aggregate<>(Numbers.type(), other, 0, new Numbers.State(0), -1, Map.of()));
        assertThat(cache.<Numbers.State>get(stream)).isNull();
        assertThat(cache.<Numbers.State>get(other)).isNotNull();
    }

    record Big(String text) {
    }

    private static final AggregateType<Big> BIG = AggregateType
            .named("big", Big.class, () -> new Big(""))
            .command("Grow", context -> context.push("Grown"))
            .event("Grown", (state, event) -> state)
            .build();

    @Test
    void many_large_aggregates_stay_within_the_byte_bound_by_evicting_the_least_recently_used() {
        long bound = 2L * 1024 * 1024;
        AggregateCache cache = new AggregateCache(10_000, bound);
        String hundredKilobytes = "x".repeat(100 * 1024);
        for (int i = 0; i < 200; i++) {
            cache.put(new Aggregate<>(BIG, new StreamId("t1", "big", "b" + i), 0, new Big(hundredKilobytes), -1, Map.of()));
            assertThat(cache.bytes()).isLessThanOrEqualTo(bound);
        }

        assertThat(cache.size()).isBetween(5, 10);
        assertThat(cache.<Big>get(new StreamId("t1", "big", "b199"))).isNotNull();
        assertThat(cache.<Big>get(new StreamId("t1", "big", "b0"))).isNull();
    }

    @Test
    void an_aggregate_larger_than_the_whole_bound_is_not_kept_and_leaves_the_others() {
        AggregateCache cache = new AggregateCache(10, 10 * 1024);
        Aggregate<Numbers.State> small = new Aggregate<>(Numbers.type(), stream, 0, new Numbers.State(1), -1, Map.of());
        cache.put(small);

        cache.put(new Aggregate<>(BIG, new StreamId("t1", "big", "huge"), 0, new Big("y".repeat(64 * 1024)), -1, Map.of()));

        assertThat(cache.<Big>get(new StreamId("t1", "big", "huge"))).isNull();
        assertThat(cache.<Numbers.State>get(stream)).isSameAs(small);
    }
}
