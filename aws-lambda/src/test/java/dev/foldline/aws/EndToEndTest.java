package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.google.gson.JsonObject;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.json.Json;
import dev.foldline.store.EventStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Commands through the command function into DynamoDB Local; the table's real stream read through
 * the Streams API, turned into Lambda batches and run through the stream function, with a handler
 * failing in the middle of a batch and the batch redelivered from the reported record, as Lambda
 * does; then the durable projection read back through the command function.
 */
@ExtendWith(LocalDynamoDb.class)
class EndToEndTest {

    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streams;
    private String table;
    private EventStore store;

    @BeforeAll
    static void createClients() {
        client = LocalDynamoDb.client();
        streams = LocalDynamoDb.streamsClient();
    }

    /** A table (and so a stream) per test: what one test reads from the stream is its own. */
    @BeforeEach
    void createTable() {
        table = LocalDynamoDb.newTable(client);
        store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(table));
    }

    @Test
    void commands_flow_through_the_stream_into_the_projections_despite_a_failure_mid_batch() {
        ExamplesApplication examples = new ExamplesApplication();
        StreamFunctionTest.Recorder recorder = new StreamFunctionTest.Recorder(false);
        AwsRuntime runtime = AwsRuntime.of(store, List.of(examples, recorder), Map.of());
        CommandFunction commands = new CommandFunction(runtime);
        StreamFunction projections = new StreamFunction(runtime);

        for (String[] command : new String[][] {{"a1", "1", "2"}, {"b1", "5", "5"}, {"a1", "3", "4"},
                {"b1", "1", "1"}, {"a1", "1", "1"}, {"c1", "2", "2"}}) {
            APIGatewayV2HTTPResponse response = commands.handleRequest(add(command[0], command[1], command[2]), null);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        }

        TableStream reader = new TableStream(client, streams, table);
        List<Record> records = reader.readNew();
        assertThat(records).hasSize(6).allSatisfy(r -> assertThat(r.eventNameAsString()).isEqualTo("INSERT"));

        // The handler fails on b1@1, the 4th record: the batch reports exactly that record.
        recorder.failOn = e -> e.stream().aggregateId().equals("b1") && e.version() == 1;
        StreamsEventResponse first = projections.handleRequest(StreamRecords.event(records, reader.arn()), null);
        String failedAt = records.get(3).dynamodb().sequenceNumber();
        assertThat(first.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(failedAt);
        assertThat(recorder.applied).containsExactly("a1@0", "a1@1", "a1@2", "b1@0", "c1@0");

        // Lambda retries in order from the reported record; this time the handler works.
        recorder.failOn = e -> false;
        List<Record> redelivery = records.subList(3, records.size());
        StreamsEventResponse second = projections.handleRequest(StreamRecords.event(redelivery, reader.arn()), null);
        assertThat(second.getBatchItemFailures()).isEmpty();
        assertThat(recorder.applied).containsExactly("a1@0", "a1@1", "a1@2", "b1@0", "c1@0", "b1@1");

        // The projector's own checkpoint writes reach the stream too; the function ignores them.
        List<Record> checkpointWrites = reader.readNew();
        assertThat(checkpointWrites).isNotEmpty();
        StreamsEventResponse third = projections.handleRequest(StreamRecords.event(checkpointWrites, reader.arn()), null);
        assertThat(third.getBatchItemFailures()).isEmpty();
        assertThat(recorder.applied).hasSize(6);

        // The durable counter counted every NumbersAdded exactly once, and the API serves it.
        APIGatewayV2HTTPEvent view = EventLoader.loadApiGatewayHttpEvent("events/http-get-aggregate.json");
        view.setRawPath("/projections/counter");
        APIGatewayV2HTTPResponse counted = commands.handleRequest(view, null);
        assertThat(counted.getStatusCode()).isEqualTo(200);
        JsonObject events = Json.parseObject(counted.getBody()).getAsJsonObject("events");
        assertThat(events.get("a1").getAsInt()).isEqualTo(3);
        assertThat(events.get("b1").getAsInt()).isEqualTo(2);
        assertThat(events.get("c1").getAsInt()).isEqualTo(1);
    }

    @Test
    void a_failure_on_an_envelope_filled_from_the_table_reports_the_first_record_of_its_aggregate() {
        StreamFunctionTest.Recorder recorder = new StreamFunctionTest.Recorder();
        AwsRuntime runtime = AwsRuntime.of(store, List.of(recorder), Map.of("FOLDLINE_PROJECTION_SCOPE", "gaps"));
        CommandFunction commands = new CommandFunction(runtime);
        StreamFunction projections = new StreamFunction(runtime);
        TableStream reader = new TableStream(client, streams, table);
        for (String id : new String[] {"g1", "g1", "h1", "g1"}) {
            assertThat(commands.handleRequest(add(id, "1", "1"), null).getStatusCode()).isEqualTo(200);
        }
        List<Record> records = reader.readNew();
        assertThat(records).hasSize(4);

        // The batch lost g1@0 and g1@1 (say, to another shard); the projector reads them from the
        // table, and the handler fails on g1@0: the first g1 record of the batch is reported.
        recorder.failOn = e -> e.stream().aggregateId().equals("g1") && e.version() == 0;
        List<Record> partial = List.of(records.get(2), records.get(3));
        StreamsEventResponse response = projections.handleRequest(StreamRecords.event(partial, reader.arn()), null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(records.get(3).dynamodb().sequenceNumber());
        assertThat(recorder.applied).containsExactly("h1@0");

        recorder.failOn = e -> false;
        projections.handleRequest(StreamRecords.event(records.subList(3, 4), reader.arn()), null);
        assertThat(recorder.applied).containsExactly("h1@0", "g1@0", "g1@1", "g1@2");
    }

    private static APIGatewayV2HTTPEvent add(String id, String n1, String n2) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/http-add-numbers.json");
        event.getHeaders().remove("idempotency-key");
        event.setBody("{\"aggregateId\":\"" + id + "\",\"number1\":" + n1 + ",\"number2\":" + n2 + "}");
        return event;
    }
}
