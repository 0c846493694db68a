package dev.foldline.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Examples;
import dev.foldline.gcp.firestore.FirestoreEventStore;
import dev.foldline.gcp.firestore.FirestoreStoreOptions;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.EventStore;
import dev.foldline.store.contract.CommandHandlingContract;
import dev.foldline.store.contract.RecordingHandler;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Firestore-triggered function on real envelopes in the emulator, fed as Eventarc would: unordered, repeated. */
@ExtendWith(FirestoreEmulator.class)
class FirestoreTriggerFunctionTest {

    private static EventStore store;

    private final String tenant = "t-" + UUID.randomUUID();
    private final Actor actor = Actor.of(tenant, "user1", "user");

    @BeforeAll
    static void createStore() {
        store = new FirestoreEventStore(FirestoreEmulator.sharedClient(), FirestoreStoreOptions.defaults());
    }

    private FirestoreTriggerFunction function(RecordingHandler handler) {
        return new FirestoreTriggerFunction(GcpRuntime.of(store, List.of(new TestApplication(List.of(handler))), Map.of()));
    }

    /** Runs five commands on each of the aggregates and returns their envelopes. */
    private List<Envelope> commands(String... ids) {
        CommandHandler commands = new CommandHandler(store, Examples.registry());
        List<Envelope> envelopes = new ArrayList<>();
        for (String id : ids) {
            for (int i = 0; i < 5; i++) {
                commands.command(actor, "AddNumbers", CommandHandlingContract.add(id, i, 1));
            }
            envelopes.addAll(store.read(new StreamId(tenant, "numbers", id), 0, Long.MAX_VALUE));
        }
        return envelopes;
    }

    @Test
    void shuffled_and_duplicated_deliveries_reach_each_handler_once_and_in_order() throws Exception {
        List<Envelope> envelopes = commands("a", "b");
        List<CloudEvent> deliveries = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            deliveries.add(FirestoreEvents.created(envelope, envelope.version() % 2 == 0));
        }
        deliveries.add(FirestoreEvents.created(envelopes.get(1), false));
        deliveries.add(FirestoreEvents.created(envelopes.get(7), true));
        deliveries.add(FirestoreEvents.created(envelopes.get(4), false));
        Collections.shuffle(deliveries, new Random(11));
        RecordingHandler handler = new RecordingHandler("recorder");
        FirestoreTriggerFunction function = function(handler);

        for (CloudEvent delivery : deliveries) {
            function.accept(delivery);
        }

        assertThat(handler.applied("a")).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(handler.applied("b")).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void a_failing_handler_fails_the_invocation_and_the_redelivered_event_applies_once_it_recovers() throws Exception {
        List<Envelope> envelopes = commands("c");
        RecordingHandler handler = new RecordingHandler("recorder").failOn("c", 2);
        FirestoreTriggerFunction function = function(handler);

        assertThatThrownBy(() -> function.accept(FirestoreEvents.created(envelopes.get(3), false)))
                .isInstanceOf(FirestoreTriggerFunction.ProjectionFailed.class)
                .hasMessageContaining("recorder").hasMessageContaining("@2");
        assertThat(handler.applied("c")).containsExactly(0L, 1L);

        handler.recover();
        function.accept(FirestoreEvents.created(envelopes.get(3), true));
        function.accept(FirestoreEvents.created(envelopes.get(4), false));

        assertThat(handler.applied("c")).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void other_event_types_and_documents_without_an_envelope_are_ignored() throws Exception {
        RecordingHandler handler = new RecordingHandler("recorder");
        FirestoreTriggerFunction function = function(handler);
        CloudEvent updated = CloudEventBuilder.v1(FirestoreEvents.created(commands("d").get(0), false))
                .withType("google.cloud.firestore.document.v1.updated").build();
        CloudEvent checkpoint = CloudEventBuilder.v1().withId("1")
                .withSource(java.net.URI.create("//firestore.googleapis.com/projects/p/databases/(default)"))
                .withType(FirestoreTriggerFunction.CREATED)
                .withData("application/protobuf", com.google.events.cloud.firestore.v1.DocumentEventData.newBuilder()
                        .setValue(com.google.events.cloud.firestore.v1.Document.newBuilder()
                                .setName("projects/p/databases/(default)/documents/tenants/envelopes/checkpoints/k")
                                .putFields("envelope", com.google.events.cloud.firestore.v1.Value.newBuilder()
                                        .setStringValue("{}").build()))
                        .build().toByteArray())
                .build();

        function.accept(updated);
        function.accept(checkpoint);

        assertThat(handler.attempts()).isZero();
    }

    @Test
    void both_encodings_of_the_event_data_decode_to_the_same_document() throws Exception {
        Envelope envelope = commands("e").get(2);
        byte[] raw = FirestoreEvents.created(envelope, false).getData().toBytes();
        byte[] text = FirestoreEvents.created(envelope, true).getData().toBytes();

        assertThat(FirestoreTriggerFunction.envelopeOf(FirestoreTriggerFunction.decode(raw))).contains(envelope);
        assertThat(FirestoreTriggerFunction.envelopeOf(FirestoreTriggerFunction.decode(text))).contains(envelope);
    }
}
