package dev.foldline.local;

import java.time.Duration;

/**
 * Counts requests in flight and closes for new ones at shutdown, so the store is closed only after
 * every request that got in has been answered: an acknowledged command is always committed, and a
 * committed command is answered whenever the client is still there.
 */
final class RequestGate {

    private boolean closing;
    private int inFlight;

    /** False once closing: the caller must answer without touching the store. */
    synchronized boolean enter() {
        if (closing) {
            return false;
        }
        inFlight++;
        return true;
    }

    synchronized void exit() {
        if (--inFlight == 0) {
            notifyAll();
        }
    }

    /** Closes the gate and waits for the requests inside; true if they all finished in time. */
    synchronized boolean closeAndDrain(Duration timeout) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
