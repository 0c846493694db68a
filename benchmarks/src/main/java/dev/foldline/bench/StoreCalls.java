package dev.foldline.bench;

/** How often the command path called each {@code EventStore} method, and how many appends conflicted. */
public record StoreCalls(long loads, long appends, long conflicts, long reads, long readAlls) {
}
