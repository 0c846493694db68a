package dev.foldline.bench;

/**
 * Runs a scenario on a store: an unmeasured warm-up run (JIT, connections, the store's own caches),
 * then the measured run, each on aggregates of its own. Only the workers' commands are timed;
 * counters are reset after the scenario is prepared, so they hold the measured commands alone.
 */
public final class Harness {

    private final int threads;
    private int runs;

    public Harness(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.threads = threads;
    }

    public ScenarioResult run(StoreUnderTest store, Scenario scenario, int warmupCommands, int commands) {
        if (warmupCommands > 0) {
            measure(store, scenario, warmupCommands);
        }
        return measure(store, scenario, commands);
    }

    private ScenarioResult measure(StoreUnderTest store, Scenario scenario, int commands) {
        String idPrefix = scenario.label() + "-run" + (++runs);
        Workload workload = scenario.prepare(new ScenarioSetup(store.store(), threads, idPrefix));
        store.resetCounters();
        int workers = workload.workers().size();
        int perWorker = Math.max(1, (commands + workers - 1) / workers);
        TimedRun run = TimedRun.of(workload.workers(), perWorker);
        return new ScenarioResult(store.name(), scenario, workers, run.commands(), run.failed(), run.elapsedNanos(),
                run.latencies(), store.store().calls(), store.sdkRequests().map(SdkRequestCounter::requests));
    }
}
