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
 * @param tenantShards partitions of the tenant index per tenant that envelopes are written to; more
 *                     shards spread a hot tenant's writes, and cost one query per shard per read
 * @param readShards   partitions a reader queries: at least {@code tenantShards}, and the largest
 *                     count envelopes were ever written with, since an envelope stays in the shard
 *                     it was written to (see the README, "Changing the shard count")
 * @param loadPageSize envelopes read per request when loading a stream newest-first, until the
 *                     newest snapshot, after a first page of at most 10 (see DynamoDbEventStore)
 * @param clock        the reader's "now" for the settle window
 */
public record DynamoDbStoreOptions(String tableName, Duration settleWindow, int tenantShards, int readShards,
                                   int loadPageSize, Clock clock) {

    public static final Duration DEFAULT_SETTLE_WINDOW = Duration.ofMinutes(5);
    public static final int MAX_SHARDS = 100;

    public DynamoDbStoreOptions {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(settleWindow, "settleWindow");
        Objects.requireNonNull(clock, "clock");
        if (settleWindow.isNegative() || tenantShards < 1 || tenantShards > MAX_SHARDS || loadPageSize < 1
                || readShards > MAX_SHARDS) {
            throw new IllegalArgumentException("settleWindow >= 0, 1 <= tenantShards <= " + MAX_SHARDS
                    + ", readShards <= " + MAX_SHARDS + ", loadPageSize >= 1");
        }
        readShards = Math.max(readShards, tenantShards);
    }

    public static DynamoDbStoreOptions defaults(String tableName) {
        return new DynamoDbStoreOptions(tableName, DEFAULT_SETTLE_WINDOW, 1, 1, 50, Clock.systemUTC());
    }

    /**
     * From environment variables: {@code FOLDLINE_TABLE} (required), {@code FOLDLINE_SETTLE_SECONDS},
     * {@code FOLDLINE_TENANT_SHARDS}, {@code FOLDLINE_TENANT_SHARDS_READ}, {@code FOLDLINE_LOAD_PAGE_SIZE}.
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
                (int) number(env, "FOLDLINE_TENANT_SHARDS_READ", 1),
                (int) number(env, "FOLDLINE_LOAD_PAGE_SIZE", defaults.loadPageSize()),
                Clock.systemUTC());
    }

    public DynamoDbStoreOptions withSettleWindow(Duration window) {
        return new DynamoDbStoreOptions(tableName, window, tenantShards, readShards, loadPageSize, clock);
    }

    /** Writes to {@code shards} shards, and reads at least as many. */
    public DynamoDbStoreOptions withTenantShards(int shards) {
        return new DynamoDbStoreOptions(tableName, settleWindow, shards, readShards, loadPageSize, clock);
    }

    /** Reads {@code shards} shards (at least as many as it writes to). */
    public DynamoDbStoreOptions withReadShards(int shards) {
        return new DynamoDbStoreOptions(tableName, settleWindow, tenantShards, shards, loadPageSize, clock);
    }

    public DynamoDbStoreOptions withClock(Clock newClock) {
        return new DynamoDbStoreOptions(tableName, settleWindow, tenantShards, readShards, loadPageSize, newClock);
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    }
}
