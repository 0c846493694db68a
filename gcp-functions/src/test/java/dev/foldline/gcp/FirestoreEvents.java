package dev.foldline.gcp;

import com.google.events.cloud.firestore.v1.Document;
import com.google.events.cloud.firestore.v1.DocumentEventData;
import com.google.events.cloud.firestore.v1.Value;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Firestore "document created" CloudEvents for envelope documents, as Eventarc and the emulator send them. */
final class FirestoreEvents {

    private FirestoreEvents() {
    }

    static byte[] documentCreated(String documentName, Envelope envelope) {
        return DocumentEventData.newBuilder()
                .setValue(Document.newBuilder()
                        .setName(documentName)
                        .putFields("envelope", Value.newBuilder().setStringValue(EnvelopeCodec.write(envelope)).build())
                        .putFields("version", Value.newBuilder().setIntegerValue(envelope.version()).build()))
                .build()
                .toByteArray();
    }

    /** The event as production delivers it (raw protobuf), or as the emulator does (its base64 text). */
    static CloudEvent created(Envelope envelope, boolean base64) {
        String name = "projects/p/databases/(default)/documents/tenants/" + envelope.tenant() + "/envelopes/"
                + envelope.stream().aggregateType() + "|" + envelope.stream().aggregateId() + "|" + envelope.version();
        byte[] data = documentCreated(name, envelope);
        if (base64) {
            data = Base64.getEncoder().encodeToString(data).getBytes(StandardCharsets.US_ASCII);
        }
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("//firestore.googleapis.com/projects/p/databases/(default)"))
                .withType(FirestoreTriggerFunction.CREATED)
                .withData("application/protobuf", data)
                .build();
    }
}
