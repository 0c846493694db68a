package dev.foldline.aws.dynamodb;

import static dev.foldline.store.support.SortableKeys.escape;

import dev.foldline.model.StreamId;
import dev.foldline.store.support.SortableKeys;
import java.time.Instant;

/**
 * How tenants and streams become DynamoDB keys. Components are escaped and numbers fixed width
 * by {@link dev.foldline.store.support.SortableKeys}; the tenant index sort key is its commit key.
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

    /** The sort key of an envelope's item in its stream's partition. */
    static String version(long version) {
        return SortableKeys.version(version);
    }

    /** The tenant index sort key: the envelope's commit key, which read positions are made of. */
    static String tenantIndexSort(Instant committedAt, StreamId stream, long version) {
        return SortableKeys.commitKey(committedAt, stream, version);
    }

    /** The tenant index partition of a stream: the tenant, and a shard picked by the stream. */
    static String tenantShard(String tenant, int shard) {
        return escape(tenant) + "#" + shard;
    }

    /** The tenant of a {@link #tenantShard tenant index partition}. */
    static String tenantOfShard(String tenantShard) {
        return SortableKeys.unescape(tenantShard.substring(0, tenantShard.lastIndexOf('#')));
    }

    static int shardOf(StreamId stream, int shards) {
        return shards == 1 ? 0 : Math.floorMod((stream.aggregateType() + "#" + stream.aggregateId()).hashCode(), shards);
    }
}
