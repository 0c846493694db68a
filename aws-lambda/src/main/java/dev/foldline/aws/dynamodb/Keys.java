package dev.foldline.aws.dynamodb;

import dev.foldline.model.StreamId;
import java.time.Instant;

/**
 * How tenants, streams, versions and commit stamps become DynamoDB keys. Components are escaped
 * ({@code %} and {@code #}) so that no tenant or aggregate id can forge another's key, and numbers
 * are fixed width so that string order is numeric order.
 */
final class Keys {

    static final String ENVELOPE_PREFIX = "ev#";
    static final String CHECKPOINT_PREFIX = "cp#";

    private Keys() {
    }

    static String streamKey(StreamId stream) {
        return ENVELOPE_PREFIX + escape(stream.tenant()) + "#" + escape(stream.aggregateType()) + "#"
                + escape(stream.aggregateId());
    }

    static String checkpointPartition(String tenant) {
        return CHECKPOINT_PREFIX + escape(tenant);
    }

    static String version(long version) {
        return String.format("%019d", version);
    }

    /** The tenant index partition of a stream: the tenant, and a shard picked by the stream. */
    static String tenantShard(String tenant, int shard) {
        return escape(tenant) + "#" + shard;
    }

    static int shardOf(StreamId stream, int shards) {
        return shards == 1 ? 0 : Math.floorMod((stream.aggregateType() + "#" + stream.aggregateId()).hashCode(), shards);
    }

    /** A commit stamp as 12 digits of seconds, a dot and 9 digits of nanos: sortable as text. */
    static String time(Instant instant) {
        return String.format("%012d.%09d", Math.max(0, instant.getEpochSecond()), instant.getNano());
    }

    static String tenantIndexSort(Instant committedAt, StreamId stream, long version) {
        return time(committedAt) + "#" + escape(stream.aggregateType()) + "#" + escape(stream.aggregateId()) + "#"
                + version(version);
    }

    /** The commit-stamp part of a tenant index sort key. */
    static String timeOf(String tenantIndexSort) {
        return tenantIndexSort.substring(0, tenantIndexSort.indexOf('#'));
    }

    static String escape(String component) {
        return component.replace("%", "%25").replace("#", "%23");
    }
}
