package dev.foldline.projection;

import dev.foldline.model.Envelope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What projecting one delivered batch did, and where the platform must deliver again from.
 *
 * @param retryFrom the position of the earliest record (in delivery order) that a failure stopped
 *                  at: everything before it was applied or may be skipped, it and everything after
 *                  it must come again (Lambda's {@code batchItemFailures}, a change feed
 *                  processor's checkpoint); empty when the whole batch is done
 */
public record BatchResult<P>(ProjectionReport report, Optional<P> retryFrom) {

    public BatchResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(retryFrom, "retryFrom");
    }

    /**
     * Maps the report's failures onto the batch. A failure on a version the batch carried stops at
     * the first record of that stream, in delivery order, at or after the failed version (the
     * batch may be shuffled or carry duplicates); a failure on a version the batch did not carry
     * (a gap the projector filled from the store) stops at the first record of that stream after
     * it, or, if there is none, at the stream's first record.
     */
    static <P> BatchResult<P> of(List<Delivery<P>> batch, ProjectionReport report) {
        int first = Integer.MAX_VALUE;
        for (HandlerFailure failure : report.failures()) {
            int stop = -1;
            for (int i = 0; i < batch.size(); i++) {
                Envelope envelope = batch.get(i).envelope();
                if (envelope.stream().equals(failure.stream())) {
                    if (envelope.version() >= failure.version()) {
                        stop = i;
                        break;
                    }
                    if (stop < 0) {
                        stop = i;
                    }
                }
            }
            if (stop >= 0) {
                first = Math.min(first, stop);
            }
        }
        return new BatchResult<>(report,
                first == Integer.MAX_VALUE ? Optional.empty() : Optional.of(batch.get(first).position()));
    }
}
