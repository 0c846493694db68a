package dev.foldline.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.aws.LocalDynamoDb;
import dev.foldline.aws.RequestCounter;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.StreamSlice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * What a cold load costs in read capacity, as DynamoDB Local reports it (it charges a Query for
 * every item read up to its limit, like DynamoDB). The store's own requests do not ask for
 * capacity; this test's client does.
 */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbLoadCapacityTest {

    private static final RequestCounter requests = new RequestCounter();
    private static final QueryCapacity capacity = new QueryCapacity();
    private static DynamoDbEventStore store;

    private final String tenant = "t-" + UUID.randomUUID();
    private final Actor actor = Actor.of(tenant, "user1", "user");

    @BeforeAll
    static void setUp() {
        DynamoDbClient client = LocalDynamoDb.client(requests, capacity);
        store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(LocalDynamoDb.newTable(client)));
    }

    @BeforeEach
    void reset() {
        requests.reset();
        capacity.units.reset();
    }

    @Test
    void a_cold_load_of_an_aggregate_snapshotting_every_commit_reads_one_small_page() {
        StreamId stream = new StreamId(tenant, "numbers", "every-commit");
        for (long version = 0; version < 60; version++) {
            store.append(envelope(stream, version), new Snapshot(version, "{\"sum\":" + version * 3 + "}"));
        }
        reset();

        StreamSlice slice = store.load(stream, -1);

        assertThat(slice.snapshot()).contains(new Snapshot(59, "{\"sum\":177}"));
        assertThat(requests.operations()).containsExactly("Query");
        // Ten items of ~400 bytes: 2 units strongly consistent; a first page of 50 read 8 here.
        assertThat(capacity.units.sum()).isLessThanOrEqualTo(2.0);
    }

    @Test
    void a_tail_longer_than_the_first_page_continues_in_full_pages_and_misses_nothing() {
        StreamId stream = new StreamId(tenant, "numbers", "long-tail");
        for (long version = 0; version < 75; version++) {
            store.append(envelope(stream, version), version == 5 ? new Snapshot(5, "{\"sum\":15}") : null);
        }
        reset();

        StreamSlice slice = store.load(stream, -1);

        assertThat(slice.snapshot()).contains(new Snapshot(5, "{\"sum\":15}"));
        assertThat(slice.envelopes()).extracting(Envelope::version)
                .containsExactlyElementsOf(LongStream.range(6, 75).boxed().toList());
        assertThat(requests.operations()).as("10 items, then 50, then the rest").containsExactly("Query", "Query", "Query");
    }

    @Test
    void a_stream_without_a_snapshot_loads_whole() {
        StreamId stream = new StreamId(tenant, "numbers", "no-snapshot");
        for (long version = 0; version < 12; version++) {
            store.append(envelope(stream, version), null);
        }

        StreamSlice slice = store.load(stream, -1);

        assertThat(slice.snapshot()).isEmpty();
        assertThat(slice.envelopes()).extracting(Envelope::version)
                .containsExactlyElementsOf(LongStream.range(0, 12).boxed().toList());
    }

    private Envelope envelope(StreamId stream, long version) {
        return new Envelope(stream, version, "AddNumbers", actor,
                List.of(Event.of("NumbersAdded", Payload.empty().with("number1", 1).with("number2", 2))), Instant.now());
    }

    /** Asks every Query for its consumed capacity and adds it up. */
    private static final class QueryCapacity implements ExecutionInterceptor {
        final DoubleAdder units = new DoubleAdder();

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            return context.request() instanceof QueryRequest query
                    ? query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build()
                    : context.request();
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof QueryResponse response && response.consumedCapacity() != null) {
                units.add(response.consumedCapacity().capacityUnits());
            }
        }
    }
}
