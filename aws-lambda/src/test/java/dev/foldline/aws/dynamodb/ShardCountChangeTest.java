package dev.foldline.aws.dynamodb;

import static dev.foldline.store.contract.Envelopes.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.aws.LocalDynamoDb;
import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.Page;
import dev.foldline.store.contract.Envelopes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An envelope stays in the tenant-index shard it was written to, so changing
 * {@code FOLDLINE_TENANT_SHARDS} must never make a reader skip envelopes written under the old count.
 */
@ExtendWith(LocalDynamoDb.class)
class ShardCountChangeTest {

    private final DynamoDbClient client = LocalDynamoDb.client();
    private final String table = LocalDynamoDb.newTable(client);
    private final String tenant = "t-" + UUID.randomUUID();

    private DynamoDbEventStore store(int writeShards, int readShards) {
        return new DynamoDbEventStore(client,
                DynamoDbStoreOptions.defaults(table).withTenantShards(writeShards).withReadShards(readShards));
    }

    /** Streams whose envelopes land in every one of {@code shards} shards. */
    private List<StreamId> streamsCovering(int shards) {
        List<StreamId> streams = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; covered.size() < shards; i++) {
            StreamId stream = new StreamId(tenant, "numbers", "n" + i);
            if (covered.add(Keys.shardOf(stream, shards))) {
                streams.add(stream);
            }
        }
        return streams;
    }

    private Set<String> readAll(DynamoDbEventStore store) {
        Set<String> seen = new HashSet<>();
        String position = null;
        Page page;
        do {
            page = store.readAll(tenant, position, 3);
            page.envelopes().forEach(e -> seen.add(Envelopes.key(e)));
            position = page.nextPosition();
        } while (page.more());
        return seen;
    }

    @Test
    void raising_the_shard_count_reads_what_was_written_under_the_old_one() {
        List<Envelope> written = new ArrayList<>();
        for (StreamId stream : streamsCovering(1)) {
            written.add(envelope(stream, 0));
            store(1, 1).append(written.get(written.size() - 1), null);
        }
        for (StreamId stream : streamsCovering(4)) {
            Envelope next = envelope(stream, stream.aggregateId().equals("n0") ? 1 : 0);
            store(4, 4).append(next, null);
            written.add(next);
        }

        assertThat(readAll(store(4, 4))).containsExactlyInAnyOrderElementsOf(Envelopes.keys(written));
    }

    @Test
    void lowering_the_shard_count_reads_the_old_shards_while_told_how_many_there_were() {
        List<Envelope> underFour = new ArrayList<>();
        for (StreamId stream : streamsCovering(4)) {
            underFour.add(envelope(stream, 0));
            store(4, 4).append(underFour.get(underFour.size() - 1), null);
        }
        List<Envelope> underTwo = new ArrayList<>();
        for (StreamId stream : streamsCovering(2)) {
            underTwo.add(envelope(stream, 1));
            store(2, 4).append(underTwo.get(underTwo.size() - 1), null);
        }

        assertThat(readAll(store(2, 4))).containsAll(Envelopes.keys(underFour)).containsAll(Envelopes.keys(underTwo));
        // Without the old count, the shards beyond the new one are not read: what the setting is for.
        assertThat(readAll(store(2, 2))).doesNotContainAnyElementsOf(Envelopes.keys(
                underFour.stream().filter(e -> Keys.shardOf(e.stream(), 4) >= 2).toList()));
    }
}
