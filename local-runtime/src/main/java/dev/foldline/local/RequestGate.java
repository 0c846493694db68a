package dev.foldline.local;

import java.time.Duration;

/**
 * Counts requests from their arrival to their answer and closes for new ones at shutdown, so the
 * store is closed only after every request that got in has been answered: an acknowledged command
 * is always committed, and a committed command is answered whenever the client is still there.
 */
final class RequestGate {

    private boolean closing;
    private int inside;

    /** False once closing: the caller must answer without touching the store. */
    synchronized boolean enter() {
        if (closing) {
            return false;
        }
        inside++;
        return true;
    }

    synchronized void exit() {
        if (--inside == 0) {
            notifyAll();
        }
    }

    /** Requests arrived and not yet answered. */
    synchronized int inside() {
        return inside;
    }

    synchronized void close() {
        closing = true;
    }

    /** Waits until no request is inside; true if that happened within the timeout. */
    synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inside > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
