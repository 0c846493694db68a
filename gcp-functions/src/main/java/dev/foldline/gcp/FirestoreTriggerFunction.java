package dev.foldline.gcp;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.events.cloud.firestore.v1.Document;
import com.google.events.cloud.firestore.v1.DocumentEventData;
import com.google.events.cloud.firestore.v1.Value;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.foldline.gcp.firestore.FirestoreEventStore;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import dev.foldline.projection.HandlerFailure;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.projection.Projector;
import io.cloudevents.CloudEvent;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Feeds Firestore's "document created" events on envelope documents to the core
 * {@link Projector}. Eventarc delivers at least once and in no order: the projector skips
 * duplicates and fills gaps from the store, so each handler sees each aggregate's envelopes once
 * and in order. When a handler fails (after the projector's own attempts, which park it on that
 * aggregate), the invocation fails so that Eventarc retries the event; nothing is skipped.
 */
public final class FirestoreTriggerFunction implements CloudEventsFunction {

    public static final String CREATED = "google.cloud.firestore.document.v1.created";

    private final GcpRuntime runtime;
    private final Projector projector;
    private final String scope;

    public FirestoreTriggerFunction() {
        this(GcpRuntime.fromEnvironment(System.getenv()));
    }

    public FirestoreTriggerFunction(GcpRuntime runtime) {
        this.runtime = runtime;
        this.projector = new Projector(runtime.store(), Projector.DEFAULT_ATTEMPTS, runtime.tracer());
        this.scope = runtime.projectionScope();
    }

    public Projector projector() {
        return projector;
    }

    public String scope() {
        return scope;
    }

    @Override
    public void accept(CloudEvent event) throws InvalidProtocolBufferException {
        if (!CREATED.equals(event.getType()) || event.getData() == null) {
            return;
        }
        Optional<Envelope> envelope = envelopeOf(decode(event.getData().toBytes()));
        if (envelope.isEmpty()) {
            return;
        }
        ProjectionReport report = projector.project(scope, List.of(envelope.get()), runtime.applications().handlers());
        if (!report.failures().isEmpty()) {
            throw new ProjectionFailed(report.failures());
        }
    }

    /**
     * The event's data: raw protobuf in production; the emulator sends the base64 text of the same
     * bytes. Raw {@code DocumentEventData} starts with a field tag (a control byte), never with a
     * base64 character, so the first byte tells them apart.
     */
    static DocumentEventData decode(byte[] data) throws InvalidProtocolBufferException {
        if (data.length > 0 && isBase64(data[0])) {
            return DocumentEventData.parseFrom(Base64.getMimeDecoder().decode(data));
        }
        return DocumentEventData.parseFrom(data);
    }

    /** The envelope in the created document, or empty for a document that holds none. */
    static Optional<Envelope> envelopeOf(DocumentEventData data) {
        if (!data.hasValue()) {
            return Optional.empty();
        }
        Document document = data.getValue();
        Value envelope = document.getFieldsMap().get(FirestoreEventStore.ENVELOPE_FIELD);
        if (envelope == null || envelope.getValueTypeCase() != Value.ValueTypeCase.STRING_VALUE
                || !FirestoreEventStore.isEnvelopeDocument(document.getName())) {
            return Optional.empty();
        }
        return Optional.of(EnvelopeCodec.read(envelope.getStringValue()));
    }

    private static boolean isBase64(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/';
    }

    /** Fails the invocation, so that Eventarc delivers the event again. */
    public static final class ProjectionFailed extends RuntimeException {
        ProjectionFailed(List<HandlerFailure> failures) {
            super(failures.stream().map(HandlerFailure::description).collect(Collectors.joining("; ")));
        }
    }
}
