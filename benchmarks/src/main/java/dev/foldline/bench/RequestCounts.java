package dev.foldline.bench;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests a store's SDK sent, by operation, and the request units they were charged where the
 * service reports a charge (Cosmos). Each cloud's subclass hooks into its SDK where a request is
 * handed over, so retries count again: this is what the service bills and what a store call can hide.
 */
public abstract class RequestCounts {

    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final DoubleAdder requestUnits = new DoubleAdder();
    private final boolean chargesRequestUnits;

    protected RequestCounts(boolean chargesRequestUnits) {
        this.chargesRequestUnits = chargesRequestUnits;
    }

    protected final void count(String operation, int requests) {
        byOperation.computeIfAbsent(operation, name -> new LongAdder()).add(requests);
    }

    protected final void charge(double units) {
        requestUnits.add(units);
    }

    /** Requests per operation name since the last reset, sorted by name. */
    public Map<String, Long> requests() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    /** Request units charged since the last reset, for a service that charges them. */
    public Optional<Double> requestUnits() {
        return chargesRequestUnits ? Optional.of(requestUnits.sum()) : Optional.empty();
    }

    public void reset() {
        byOperation.clear();
        requestUnits.reset();
    }
}
