package dev.foldline.bench;

import java.util.Map;
import java.util.Optional;

/**
 * One measured run of a scenario on a store.
 *
 * @param commands    commands sent (failed ones included)
 * @param failed      commands that gave up after the handler's retries on conflict
 * @param elapsedNanos wall time from the start of the first worker to the end of the last
 * @param sdkRequests real HTTP requests by operation, for stores that send any
 * @param requestUnits request units charged, for services that charge them (Cosmos)
 */
public record ScenarioResult(String store, Scenario scenario, int threads, int commands, int failed,
                             long elapsedNanos, Latencies latencies, StoreCalls calls,
                             Optional<Map<String, Long>> sdkRequests, Optional<Double> requestUnits) {

    public double commandsPerSecond() {
        return commands * 1e9 / elapsedNanos;
    }

    public double perCommand(double count) {
        return count / commands;
    }

    public Optional<Double> sdkRequestsPerCommand() {
        return sdkRequests.map(byOperation -> perCommand(
                byOperation.values().stream().mapToLong(Long::longValue).sum()));
    }
}
