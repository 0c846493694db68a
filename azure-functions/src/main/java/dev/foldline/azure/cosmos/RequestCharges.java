package dev.foldline.azure.cosmos;

import com.azure.cosmos.models.FeedResponse;
import dev.foldline.model.StreamId;
import dev.foldline.trace.Tracer;

/**
 * Adds up the request units (RU) an operation spent over its requests and reports them to the
 * tracer, so that every command's cost in Cosmos's own currency is in the trace.
 */
final class RequestCharges {

    private final Tracer tracer;

    RequestCharges(Tracer tracer) {
        this.tracer = tracer == null ? Tracer.NOOP : tracer;
    }

    Tally tally() {
        return new Tally();
    }

    void trace(Tracer.Operation operation, StreamId stream, String what, Tally tally, long startedNanos) {
        tracer.trace(new Tracer.Span(operation, stream.tenant(), stream.toString(),
                what + " RU=" + tally.total(), System.nanoTime() - startedNanos, null));
    }

    /** The request units of one store operation. */
    static final class Tally {
        private double total;

        void add(double requestCharge) {
            total += requestCharge;
        }

        /** The page, its charge added. */
        <T> FeedResponse<T> counted(FeedResponse<T> page) {
            add(page.getRequestCharge());
            return page;
        }

        double total() {
            return total;
        }
    }
}
