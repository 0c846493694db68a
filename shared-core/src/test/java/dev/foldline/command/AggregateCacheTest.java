package dev.foldline.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.aggregate.Aggregate;
import dev.foldline.examples.Numbers;
import dev.foldline.model.StreamId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

    private final StreamId stream = new StreamId("t1", Numbers.NAME, "n1");

    @Test
    void an_aggregate_without_envelopes_is_not_kept() {
        AggregateCache cache = new AggregateCache(10);

        cache.put(Aggregate.fresh(Numbers.type(), stream));

        assertThat(cache.<Numbers.State>get(stream)).isNull();
    }

    @Test
    void the_newer_of_two_versions_is_kept_and_the_eldest_entry_leaves_at_capacity() {
        AggregateCache cache = new AggregateCache(1);
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
}
