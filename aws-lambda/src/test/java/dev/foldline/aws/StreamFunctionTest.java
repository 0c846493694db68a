package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Application;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.examples.Numbers;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.projection.EventHandler;
import dev.foldline.store.EventStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stream function on a real DynamoDB Streams event shape. */
@ExtendWith(LocalDynamoDb.class)
class StreamFunctionTest {

    private static EventStore store;

    @BeforeAll
    static void createTable() {
        var client = LocalDynamoDb.client();
        store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(LocalDynamoDb.newTable(client)));
    }

    /** Records what it is given; fails on the envelopes the predicate picks. */
    static final class Recorder implements Application {
        final List<String> applied = new CopyOnWriteArrayList<>();
        volatile Predicate<Envelope> failOn = e -> false;
        private final boolean withAggregates;

        Recorder() {
            this(true);
        }

        /** @param withAggregates false when another application registers the numbers aggregate */
        Recorder(boolean withAggregates) {
            this.withAggregates = withAggregates;
        }

        @Override
        public List<AggregateType<?>> aggregates() {
            return withAggregates ? List.of(Numbers.type()) : List.of();
        }

        @Override
        public List<EventHandler> handlers() {
            return List.of(EventHandler.of("recorder", Map.of(Numbers.NUMBERS_ADDED, this::record)));
        }

        private void record(Envelope envelope, Event event) {
            if (failOn.test(envelope)) {
                throw new IllegalStateException("handler down for " + envelope.stream().aggregateId());
            }
            applied.add(envelope.stream().aggregateId() + "@" + envelope.version());
        }
    }

    private static StreamFunction function(Recorder recorder, String scope) {
        return new StreamFunction(AwsRuntime.of(store, List.of(recorder), Map.of("FOLDLINE_PROJECTION_SCOPE", scope)));
    }

    private static DynamodbEvent batch() {
        return EventLoader.loadDynamoDbEvent("events/ddb-stream-batch.json");
    }

    @Test
    void envelopes_are_projected_and_checkpoints_and_removes_are_ignored() {
        Recorder recorder = new Recorder();

        StreamsEventResponse response = function(recorder, "scope-a").handleRequest(batch(), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(recorder.applied).containsExactly("a@0", "a@1", "b@0");
    }

    @Test
    void a_redelivered_batch_is_not_applied_twice() {
        Recorder recorder = new Recorder();
        StreamFunction function = function(recorder, "scope-b");

        function.handleRequest(batch(), null);
        StreamsEventResponse again = function.handleRequest(batch(), null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(recorder.applied).containsExactly("a@0", "a@1", "b@0");
    }

    @Test
    void a_failing_handler_reports_the_failed_records_sequence_number() {
        Recorder recorder = new Recorder();
        recorder.failOn = e -> e.stream().aggregateId().equals("a") && e.version() == 1;
        StreamFunction function = function(recorder, "scope-c");

        StreamsEventResponse response = function.handleRequest(batch(), null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("100000000000000000004");
        assertThat(recorder.applied).containsExactly("a@0", "b@0");

        recorder.failOn = e -> false;
        StreamsEventResponse retried = function.handleRequest(batch(), null);
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(recorder.applied).containsExactly("a@0", "b@0", "a@1");
    }

    @Test
    void a_batch_without_envelopes_does_nothing() {
        DynamodbEvent onlyNoise = batch();
        onlyNoise.setRecords(List.of(onlyNoise.getRecords().get(1), onlyNoise.getRecords().get(2)));
        Recorder recorder = new Recorder();

        assertThat(function(recorder, "scope-d").handleRequest(onlyNoise, null).getBatchItemFailures()).isEmpty();
        assertThat(recorder.applied).isEmpty();
    }
}
