package dev.foldline.bench;

import java.util.List;

/** What a prepared scenario runs: one worker per thread, each sending its share of the commands. */
public record Workload(List<Worker> workers) {

    /** Sends one command; {@code i} counts this worker's commands from 0. */
    @FunctionalInterface
    public interface Worker {
        void command(int i);
    }

    public static Workload sequential(Worker worker) {
        return new Workload(List.of(worker));
    }
}
