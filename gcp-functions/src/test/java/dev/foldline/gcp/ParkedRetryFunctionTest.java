package dev.foldline.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Examples;
import dev.foldline.gcp.firestore.FirestoreEventStore;
import dev.foldline.gcp.firestore.FirestoreStoreOptions;
import dev.foldline.json.Json;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.EventStore;
import dev.foldline.store.contract.CommandHandlingContract;
import dev.foldline.store.contract.RecordingHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scheduled sweep lets an aggregate parked by the trigger function recover without a new envelope. */
@ExtendWith(FirestoreEmulator.class)
class ParkedRetryFunctionTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_sweep_after_the_fix_applies_what_was_parked_and_reports_nothing_left() throws Exception {
        EventStore store = new FirestoreEventStore(FirestoreEmulator.sharedClient(), FirestoreStoreOptions.defaults());
        Actor actor = Actor.of("t-" + UUID.randomUUID(), "user1", "user");
        CommandHandler commands = new CommandHandler(store, Examples.registry());
        for (int i = 0; i < 4; i++) {
            commands.command(actor, "AddNumbers", CommandHandlingContract.add("p", i, 1));
        }
        List<Envelope> envelopes = store.read(new StreamId(actor.tenant(), "numbers", "p"), 0, Long.MAX_VALUE);
        RecordingHandler handler = new RecordingHandler("recorder").failOn("p", 1);
        GcpRuntime runtime = GcpRuntime.of(store, List.of(new TestApplication(List.of(handler))), Map.of());
        FirestoreTriggerFunction trigger = new FirestoreTriggerFunction(runtime);
        assertThatThrownBy(() -> trigger.accept(FirestoreEvents.created(envelopes.get(3), false)))
                .isInstanceOf(FirestoreTriggerFunction.ProjectionFailed.class);
        handler.recover();

        try (FunctionServer sweep = FunctionServer.parkedRetry(runtime)) {
            URI uri = URI.create("http://" + sweep.hostPort() + "/");
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(post.statusCode()).isEqualTo(200);
            JsonObject summary = Json.parseObject(post.body());
            assertThat(summary.get("applied").getAsInt()).isEqualTo(3);
            assertThat(summary.get("stillParked").getAsInt()).isZero();
        }
        assertThat(handler.applied("p")).containsExactly(0L, 1L, 2L, 3L);
    }
}
