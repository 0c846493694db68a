package dev.foldline.bench;

import dev.foldline.errors.ConcurrencyConflict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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
        List<TimedWorker> timed = new ArrayList<>();
        for (Workload.Worker worker : workload.workers()) {
            timed.add(new TimedWorker(worker, perWorker));
        }
        long elapsed = runTogether(timed);
        return new ScenarioResult(store.name(), scenario, workers, perWorker * workers,
                timed.stream().mapToInt(TimedWorker::failed).sum(), elapsed,
                Latencies.of(timed.stream().flatMapToLong(w -> Arrays.stream(w.latencies)).toArray()),
                store.store().calls(), store.sdkRequests().map(RequestCounts::requests),
                store.sdkRequests().flatMap(RequestCounts::requestUnits));
    }

    /** Starts every worker on its own thread at once; returns the wall time until the last one ends. */
    private static long runTogether(List<TimedWorker> workers) {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (TimedWorker worker : workers) {
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                worker.run();
            }, "bench-worker-" + threads.size());
            thread.start();
            threads.add(thread);
        }
        long started = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            joinQuietly(thread);
        }
        long elapsed = System.nanoTime() - started;
        for (TimedWorker worker : workers) {
            if (worker.error != null) {
                throw new IllegalStateException("a benchmark command failed unexpectedly", worker.error);
            }
        }
        return elapsed;
    }

    /** Sends its commands one after the other, timing each with System.nanoTime. */
    private static final class TimedWorker implements Runnable {
        private final Workload.Worker worker;
        private final long[] latencies;
        private int failed;
        private volatile RuntimeException error;

        TimedWorker(Workload.Worker worker, int commands) {
            this.worker = worker;
            this.latencies = new long[commands];
        }

        @Override
        public void run() {
            try {
                for (int i = 0; i < latencies.length; i++) {
                    long started = System.nanoTime();
                    try {
                        worker.command(i);
                    } catch (ConcurrencyConflict gaveUp) {
                        // Retries exhausted under contention: a result to report, not a benchmark bug.
                        failed++;
                    }
                    latencies[i] = System.nanoTime() - started;
                }
            } catch (RuntimeException e) {
                error = e;
            }
        }

        int failed() {
            return failed;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for benchmark workers", e);
        }
    }
}
