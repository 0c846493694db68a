package dev.foldline.projection;

import dev.foldline.model.StreamId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one projection pass did.
 *
 * @param applied    envelopes handed to handlers that react to them
 * @param duplicates envelopes skipped because the handler was already past them
 * @param filled     envelopes read from the store to fill gaps in the delivery
 * @param failures   handlers that stopped on a failing envelope (now parked)
 */
public record ProjectionReport(int applied, int duplicates, int filled, List<HandlerFailure> failures) {

    public static final ProjectionReport EMPTY = new ProjectionReport(0, 0, 0, List.of());

    public ProjectionReport {
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }

    /**
     * The parked-failure summary, for a log line or a scheduled function's result: {@code applied},
     * {@code stillParked} (the number of failures: each one leaves its handler parked on its
     * stream) and {@code failures} (their descriptions).
     */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("applied", applied);
        summary.put("stillParked", failures.size());
        summary.put("failures", failures.stream().map(HandlerFailure::description).toList());
        return summary;
    }

    public Set<StreamId> failedStreams() {
        return failures.stream().map(HandlerFailure::stream).collect(Collectors.toSet());
    }

    ProjectionReport plus(ProjectionReport other) {
        List<HandlerFailure> all = new java.util.ArrayList<>(failures);
        all.addAll(other.failures);
        return new ProjectionReport(applied + other.applied, duplicates + other.duplicates,
                filled + other.filled, all);
    }
}
