package dev.foldline.bench.sbs;

/** One driver run: which round, how many clients, which side, and what it printed. */
public record Measurement(int round, int clients, Side side, Figures figures) {
}
