package dev.foldline.bench;

import dev.foldline.errors.ConcurrencyConflict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs workers on threads of their own, released together, each sending its commands one after
 * the other and timing each with {@code System.nanoTime}. A command that gave up on a conflict is
 * counted as failed (a result to report); any other exception fails the run.
 *
 * @param elapsedNanos wall time from releasing the workers to the last one finishing
 * @param latencies    every command's latency
 * @param commands     commands sent, failed ones included
 */
public record TimedRun(long elapsedNanos, Latencies latencies, int commands, int failed) {

    public static TimedRun of(List<Workload.Worker> workers, int commandsPerWorker) {
        List<TimedWorker> timed = new ArrayList<>();
        for (Workload.Worker worker : workers) {
            timed.add(new TimedWorker(worker, commandsPerWorker));
        }
        long elapsed = runTogether(timed);
        return new TimedRun(elapsed,
                Latencies.of(timed.stream().flatMapToLong(w -> Arrays.stream(w.latencies)).toArray()),
                commandsPerWorker * workers.size(), timed.stream().mapToInt(w -> w.failed).sum());
    }

    public double commandsPerSecond() {
        return commands * 1e9 / elapsedNanos;
    }

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
