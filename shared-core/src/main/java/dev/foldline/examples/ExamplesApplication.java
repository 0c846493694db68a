package dev.foldline.examples;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Application;
import dev.foldline.app.ProjectionView;
import dev.foldline.app.StoreAware;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.projection.EventHandler;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The example application every runtime serves unless {@code FOLDLINE_EXAMPLES=off}: the
 * {@code numbers} and {@code calculator} aggregates, and the original's event counter made
 * durable: its handler counts {@code NumbersAdded} per aggregate in the store's checkpoints (a
 * compare-and-set counter per tenant and aggregate), so that a function that only reads (the AWS
 * command function) and one that only projects (the stream function) share it, and
 * {@code GET /projections/counter} shows a caller its own tenant's counts.
 */
public final class ExamplesApplication implements Application, StoreAware {

    public static final String COUNTER = "counter";
    private static final String PREFIX = "view/counter/";

    private CheckpointStore counts;

    @Override
    public void useStore(EventStore store) {
        this.counts = store.checkpoints();
    }

    @Override
    public List<AggregateType<?>> aggregates() {
        return List.copyOf(Examples.registry().types());
    }

    @Override
    public List<EventHandler> handlers() {
        return List.of(EventHandler.of(COUNTER, Map.of(Numbers.NUMBERS_ADDED, this::count), this::clear));
    }

    @Override
    public List<ProjectionView> views() {
        return List.of(new ProjectionView(COUNTER, tenant -> Map.of("events", counts(tenant))));
    }

    /** The counts of a tenant, by aggregate id. */
    public Map<String, Integer> counts(String tenant) {
        Map<String, Integer> byAggregate = new LinkedHashMap<>();
        store().list(tenant, PREFIX).forEach((key, checkpoint) ->
                byAggregate.put(key.substring(PREFIX.length()), Integer.parseInt(checkpoint.value())));
        return byAggregate;
    }

    private void count(Envelope envelope, Event event) {
        String key = PREFIX + envelope.stream().aggregateId();
        while (true) {
            Optional<Checkpoint> current = store().read(envelope.tenant(), key);
            int next = current.map(c -> Integer.parseInt(c.value())).orElse(0) + 1;
            long revision = current.map(Checkpoint::revision).orElse(Checkpoint.ABSENT);
            if (store().write(envelope.tenant(), key, Integer.toString(next), revision)) {
                return;
            }
        }
    }

    /**
     * A rebuild's reset: the tenant's counts go, to be counted again from the first envelope. Live
     * deliveries leave the counter alone while it is rebuilt, so nothing counts meanwhile.
     */
    private void clear(String tenant) {
        store().list(tenant, PREFIX).forEach((key, checkpoint) -> store().delete(tenant, key, checkpoint.revision()));
    }

    private CheckpointStore store() {
        if (counts == null) {
            throw new IllegalStateException("the examples application was not given a store");
        }
        return counts;
    }
}
