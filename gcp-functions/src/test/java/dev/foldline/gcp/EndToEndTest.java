package dev.foldline.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import dev.foldline.gcp.firestore.FirestoreEventStore;
import dev.foldline.gcp.firestore.FirestoreStoreOptions;
import dev.foldline.json.Json;
import dev.foldline.store.contract.RecordingHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both functions wired as on Google Cloud, locally: commands go over HTTP to the HTTP function,
 * its envelopes land in the official Firestore emulator, and the emulator delivers their
 * "document created" events (through an eventarc trigger registered on it) to the
 * Firestore-triggered function served by the Functions Framework, which projects them.
 */
class EndToEndTest {

    private static final String TRIGGER = "foldline-projections";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final RecordingHandler projection = new RecordingHandler("recorder");

    private static FunctionServer triggerServer;
    private static FirestoreEmulator emulator;
    private static Firestore client;
    private static FunctionServer httpServer;

    @BeforeAll
    static void start() {
        // The trigger function listens before the emulator, which is told its port at start.
        triggerServer = FunctionServer.firestoreTrigger();
        emulator = FirestoreEmulator.start("--functions_emulator=" + triggerServer.hostPort());
        client = emulator.client();
        FirestoreEventStore store = new FirestoreEventStore(client, FirestoreStoreOptions.defaults());
        triggerServer.handle(GcpRuntime.of(store, List.of(new TestApplication(List.of(projection))), Map.of()));
        httpServer = FunctionServer.http(GcpRuntime.of(store, List.of(new TestApplication(List.of())),
                HttpApiFunctionTest.CLAIM_SETTINGS));
        emulator.registerEnvelopeTrigger(TRIGGER);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(httpServer, triggerServer, client, emulator);
    }

    @Test
    void commands_over_http_are_projected_by_the_firestore_trigger_once_each_and_in_order() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String id = null;
        for (int i = 0; i < 4; i++) {
            String body = id == null ? "{\"number1\":1,\"number2\":2}"
                    : "{\"aggregateId\":\"" + id + "\",\"number1\":" + i + ",\"number2\":1}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://" + httpServer.hostPort() + "/commands/AddNumbers"))
                    .header("Content-Type", "application/json")
                    .header(ApiGatewayIdentity.USERINFO, HttpApiFunctionTest.userinfo(tenant, "user1"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            id = Json.parseObject(response.body()).get("aggregateId").getAsString();
        }
        String aggregate = id;

        awaitTrue(() -> projection.applied(aggregate).size() >= 4, Duration.ofSeconds(60));

        assertThat(projection.applied(aggregate)).containsExactly(0L, 1L, 2L, 3L);
    }

    /** Polls the condition until it holds; the deadline only bounds a failure, it paces nothing. */
    private static void awaitTrue(BooleanSupplier condition, Duration deadline) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the emulator did not deliver the events within " + deadline);
            }
            Thread.sleep(20);
        }
    }
}
