package dev.foldline.azure.cosmos;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the Cosmos DB store is set up.
 *
 * @param database     the database holding both containers
 * @param events       the container of envelopes and snapshots, partitioned by stream
 * @param checkpoints  the container of checkpoints, partitioned by tenant
 * @param settleWindow how far behind "now" a tenant reader keeps looking for late envelopes: longer
 *                     than the longest time from a commit stamp to the envelope being visible (the
 *                     SDK's own retries of a throttled write included; see the README, "Ordering")
 * @param clock        the reader's "now" for the settle window
 */
public record CosmosStoreOptions(String database, String events, String checkpoints, Duration settleWindow,
                                 Clock clock) {

    public static final Duration DEFAULT_SETTLE_WINDOW = Duration.ofMinutes(5);

    public CosmosStoreOptions {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(settleWindow, "settleWindow");
        Objects.requireNonNull(clock, "clock");
        if (settleWindow.isNegative()) {
            throw new IllegalArgumentException("settleWindow >= 0");
        }
    }

    public static CosmosStoreOptions defaults(String database) {
        return new CosmosStoreOptions(database, "events", "checkpoints", DEFAULT_SETTLE_WINDOW, Clock.systemUTC());
    }

    /**
     * From environment variables: {@code FOLDLINE_COSMOS_DATABASE} (required),
     * {@code FOLDLINE_COSMOS_EVENTS} ("events"), {@code FOLDLINE_COSMOS_CHECKPOINTS} ("checkpoints"),
     * {@code FOLDLINE_SETTLE_SECONDS} (300).
     */
    public static CosmosStoreOptions fromEnvironment(Map<String, String> env) {
        String database = env.get("FOLDLINE_COSMOS_DATABASE");
        if (database == null || database.isBlank()) {
            throw new IllegalStateException("FOLDLINE_COSMOS_DATABASE is not set");
        }
        CosmosStoreOptions defaults = defaults(database);
        String settle = env.get("FOLDLINE_SETTLE_SECONDS");
        return new CosmosStoreOptions(database,
                env.getOrDefault("FOLDLINE_COSMOS_EVENTS", defaults.events()),
                env.getOrDefault("FOLDLINE_COSMOS_CHECKPOINTS", defaults.checkpoints()),
                settle == null || settle.isBlank() ? defaults.settleWindow() : Duration.ofSeconds(Long.parseLong(settle.trim())),
                Clock.systemUTC());
    }

    public CosmosStoreOptions withSettleWindow(Duration window) {
        return new CosmosStoreOptions(database, events, checkpoints, window, clock);
    }

    public CosmosStoreOptions withClock(Clock newClock) {
        return new CosmosStoreOptions(database, events, checkpoints, settleWindow, newClock);
    }
}
