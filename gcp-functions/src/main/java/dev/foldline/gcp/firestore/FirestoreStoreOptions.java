package dev.foldline.gcp.firestore;

import dev.foldline.command.RetryBackoff;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the Firestore store is set up.
 *
 * @param settleWindow how far behind a query's read time a reader keeps looking for late
 *                     envelopes: longer than the longest time from the server stamping a write
 *                     (when it starts processing the commit) to the commit being visible, which
 *                     the commit deadline bounds (see the README, "Ordering")
 * @param loadPageSize envelopes read per request when loading a stream newest-first, until the
 *                     newest snapshot
 * @param attempts     tries of a call that Firestore answers RESOURCE_EXHAUSTED or ABORTED before
 *                     the store gives up with a 503
 * @param backoff      the wait between those tries
 */
public record FirestoreStoreOptions(Duration settleWindow, int loadPageSize, int attempts, RetryBackoff backoff) {

    public static final Duration DEFAULT_SETTLE_WINDOW = Duration.ofSeconds(90);

    public FirestoreStoreOptions {
        Objects.requireNonNull(settleWindow, "settleWindow");
        Objects.requireNonNull(backoff, "backoff");
        if (settleWindow.isNegative() || loadPageSize < 1 || attempts < 1) {
            throw new IllegalArgumentException("settleWindow >= 0, loadPageSize >= 1, attempts >= 1");
        }
    }

    public static FirestoreStoreOptions defaults() {
        return new FirestoreStoreOptions(DEFAULT_SETTLE_WINDOW, 50, 5,
                new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(1000)));
    }

    /** From {@code FOLDLINE_SETTLE_SECONDS} and {@code FOLDLINE_LOAD_PAGE_SIZE}, else the defaults. */
    public static FirestoreStoreOptions fromEnvironment(Map<String, String> env) {
        FirestoreStoreOptions defaults = defaults();
        return new FirestoreStoreOptions(
                Duration.ofSeconds(number(env, "FOLDLINE_SETTLE_SECONDS", defaults.settleWindow().toSeconds())),
                (int) number(env, "FOLDLINE_LOAD_PAGE_SIZE", defaults.loadPageSize()),
                defaults.attempts(), defaults.backoff());
    }

    public FirestoreStoreOptions withSettleWindow(Duration window) {
        return new FirestoreStoreOptions(window, loadPageSize, attempts, backoff);
    }

    public FirestoreStoreOptions withRetries(int newAttempts, RetryBackoff newBackoff) {
        return new FirestoreStoreOptions(settleWindow, loadPageSize, newAttempts, newBackoff);
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    }
}
