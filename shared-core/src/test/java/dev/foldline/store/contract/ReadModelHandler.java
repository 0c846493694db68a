package dev.foldline.store.contract;

import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.projection.EventHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A projection with a read model per tenant, which a rebuild clears: the versions applied per
 * aggregate, in the order applied, so that an envelope skipped, applied twice or out of order
 * shows. Fails on request.
 */
public final class ReadModelHandler implements EventHandler {

    private final String name;
    private final Map<String, Map<String, List<Long>>> models = new TreeMap<>();
    private final Set<String> failing = new HashSet<>();
    private volatile Pause pause;

    /** Holds the first application of one envelope until released. */
    private record Pause(String mark, CountDownLatch reached, CountDownLatch release) {
    }

    public ReadModelHandler(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Reaction> reactions() {
        return Map.of("Happened", this::apply);
    }

    @Override
    public synchronized void reset(String tenant) {
        models.remove(tenant);
    }

    /** Makes every attempt at this "id@version" fail until {@link #recover()}. */
    public synchronized ReadModelHandler failOn(String aggregateId, long version) {
        failing.add(aggregateId + "@" + version);
        return this;
    }

    public synchronized void recover() {
        failing.clear();
    }

    /**
     * Makes the first application of "id@version" count {@code reached} down, then wait (outside
     * the handler's lock) until {@code release} is counted down.
     */
    public void pauseOnce(String aggregateId, long version, CountDownLatch reached, CountDownLatch release) {
        pause = new Pause(aggregateId + "@" + version, reached, release);
    }

    private void apply(Envelope envelope, Event event) throws InterruptedException {
        Pause held = pause;
        if (held != null && held.mark().equals(envelope.stream().aggregateId() + "@" + envelope.version())) {
            pause = null;
            held.reached().countDown();
            if (!held.release().await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        }
        record(envelope);
    }

    private synchronized void record(Envelope envelope) {
        String id = envelope.stream().aggregateId();
        if (failing.contains(id + "@" + envelope.version())) {
            throw new IllegalStateException("read model refuses " + id + "@" + envelope.version());
        }
        models.computeIfAbsent(envelope.tenant(), t -> new TreeMap<>()).computeIfAbsent(id, i -> new ArrayList<>())
                .add(envelope.version());
    }

    /** The tenant's read model: versions applied per aggregate id, in the order applied. */
    public synchronized Map<String, List<Long>> model(String tenant) {
        Map<String, List<Long>> copy = new TreeMap<>();
        models.getOrDefault(tenant, Map.of()).forEach((id, versions) -> copy.put(id, List.copyOf(versions)));
        return copy;
    }
}
