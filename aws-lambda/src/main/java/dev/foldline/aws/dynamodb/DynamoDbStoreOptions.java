package dev.foldline.aws.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the DynamoDB store is set up.
 *
 * @param tableName    the one table holding envelopes, snapshots and checkpoints
 * @param settleWindow how far behind "now" a reader keeps looking for late envelopes: longer than
 *                     the longest time from a commit stamp to the envelope being visible in the
 *                     tenant index (see the README, "Ordering")
 * @param tenantShards partitions of the tenant index per tenant; more shards spread a hot tenant's
 *                     writes, and cost one query per shard per read
 * @param loadPageSize envelopes read per request when loading a stream newest-first, until the
 *                     newest snapshot
 * @param clock        the reader's "now" for the settle window
 */
public record DynamoDbStoreOptions(String tableName, Duration settleWindow, int tenantShards, int loadPageSize,
                                   Clock clock) {

    public static final Duration DEFAULT_SETTLE_WINDOW = Duration.ofMinutes(5);

    public DynamoDbStoreOptions {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(settleWindow, "settleWindow");
        Objects.requireNonNull(clock, "clock");
        if (settleWindow.isNegative() || tenantShards < 1 || tenantShards > 100 || loadPageSize < 1) {
            throw new IllegalArgumentException("settleWindow >= 0, 1 <= tenantShards <= 100, loadPageSize >= 1");
        }
    }

    public static DynamoDbStoreOptions defaults(String tableName) {
        return new DynamoDbStoreOptions(tableName, DEFAULT_SETTLE_WINDOW, 1, 50, Clock.systemUTC());
    }

    /**
     * From environment variables: {@code FOLDLINE_TABLE} (required), {@code FOLDLINE_SETTLE_SECONDS},
     * {@code FOLDLINE_TENANT_SHARDS}, {@code FOLDLINE_LOAD_PAGE_SIZE}.
     */
    public static DynamoDbStoreOptions fromEnvironment(Map<String, String> env) {
        String table = env.get("FOLDLINE_TABLE");
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("FOLDLINE_TABLE is not set");
        }
        DynamoDbStoreOptions defaults = defaults(table);
        return new DynamoDbStoreOptions(table,
                Duration.ofSeconds(number(env, "FOLDLINE_SETTLE_SECONDS", defaults.settleWindow().toSeconds())),
                (int) number(env, "FOLDLINE_TENANT_SHARDS", defaults.tenantShards()),
                (int) number(env, "FOLDLINE_LOAD_PAGE_SIZE", defaults.loadPageSize()),
                Clock.systemUTC());
    }

    public DynamoDbStoreOptions withSettleWindow(Duration window) {
        return new DynamoDbStoreOptions(tableName, window, tenantShards, loadPageSize, clock);
    }

    public DynamoDbStoreOptions withTenantShards(int shards) {
        return new DynamoDbStoreOptions(tableName, settleWindow, shards, loadPageSize, clock);
    }

    public DynamoDbStoreOptions withClock(Clock newClock) {
        return new DynamoDbStoreOptions(tableName, settleWindow, tenantShards, loadPageSize, newClock);
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    }
}
