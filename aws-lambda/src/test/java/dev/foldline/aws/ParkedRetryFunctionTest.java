package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Examples;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.EventStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scheduled sweep on DynamoDB Local: a parked aggregate recovers without new envelopes. */
@ExtendWith(LocalDynamoDb.class)
class ParkedRetryFunctionTest {

    private static EventStore store;

    @BeforeAll
    static void createTable() {
        var client = LocalDynamoDb.client();
        store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(LocalDynamoDb.newTable(client)));
    }

    private static Payload add(String id) {
        return Payload.empty().with("aggregateId", id).with("number1", 1).with("number2", 1);
    }

    @Test
    void a_sweep_applies_what_a_failing_handler_left_parked_once_it_recovers() {
        CommandHandler commands = new CommandHandler(store, Examples.registry());
        Actor one = Actor.of("tenant-a", "user1");
        Actor two = Actor.of("tenant-b", "user1");
        for (int i = 0; i < 3; i++) {
            commands.command(one, "AddNumbers", add("calc"));
            commands.command(two, "AddNumbers", add("calc"));
        }
        StreamFunctionTest.Recorder recorder = new StreamFunctionTest.Recorder();
        recorder.failOn = envelope -> envelope.version() == 1;
        Map<String, String> env = Map.of("FOLDLINE_PROJECTION_SCOPE", "sweep-test");
        AwsRuntime runtime = AwsRuntime.of(store, List.of(recorder), env);
        List<Envelope> delivered = new java.util.ArrayList<>(store.read(new StreamId("tenant-a", "numbers", "calc"), 0, 9));
        delivered.addAll(store.read(new StreamId("tenant-b", "numbers", "calc"), 0, 9));
        new StreamFunction(runtime).projector().project("sweep-test", delivered, runtime.applications().handlers());
        ParkedRetryFunction sweep = new ParkedRetryFunction(runtime);

        Map<String, Object> whileDown = sweep.handleRequest(new ScheduledEvent(), null);
        recorder.failOn = envelope -> false;
        Map<String, Object> afterRecovery = sweep.handleRequest(new ScheduledEvent(), null);
        Map<String, Object> idle = sweep.handleRequest(new ScheduledEvent(), null);

        assertThat(whileDown).containsEntry("applied", 0).containsEntry("stillParked", 2);
        assertThat(afterRecovery).containsEntry("applied", 4).containsEntry("stillParked", 0);
        assertThat(idle).containsEntry("applied", 0).containsEntry("stillParked", 0);
        assertThat(recorder.applied).containsExactlyInAnyOrder("calc@0", "calc@1", "calc@2", "calc@0", "calc@1", "calc@2");
    }
}
