package dev.foldline.azure.cosmos;

import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.support.SortableKeys;
import java.nio.charset.StandardCharsets;

/**
 * The documents of the events container: one per envelope, one logical partition per stream,
 * the version as id, so that a taken version is a 409. The snapshot, when one was taken at the
 * envelope's version, rides in the envelope's document: one document write per command, and a
 * snapshot can never be ahead of the events.
 *
 * <pre>
 * id = version (19 digits), stream = tenant#type#id (escaped), kind = "envelope", tenant, version,
 * commit = the tenant commit-order key, envelope = EnvelopeCodec JSON,
 * snapshot = Snapshot.stored() (optional)
 * </pre>
 *
 * The envelope and the snapshot are kept as JSON text, not as nested JSON, so that they come back
 * exactly as written (no number is re-read as a double by another JSON library on the way).
 */
final class EventDocuments {

    static final String ID = "id";
    static final String PARTITION = "stream";
    static final String KIND = "kind";
    static final String TENANT = "tenant";
    static final String VERSION = "version";
    static final String COMMIT = "commit";
    static final String ENVELOPE = "envelope";
    static final String SNAPSHOT = "snapshot";

    static final String KIND_ENVELOPE = "envelope";

    private EventDocuments() {
    }

    static String partitionValue(StreamId stream) {
        return SortableKeys.escape(stream.tenant()) + SortableKeys.SEPARATOR + SortableKeys.escape(stream.aggregateType())
                + SortableKeys.SEPARATOR + SortableKeys.escape(stream.aggregateId());
    }

    static PartitionKey partitionKey(StreamId stream) {
        return new PartitionKey(partitionValue(stream));
    }

    static String id(long version) {
        return SortableKeys.version(version);
    }

    static ObjectNode envelope(Envelope envelope) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put(ID, id(envelope.version()));
        doc.put(PARTITION, partitionValue(envelope.stream()));
        doc.put(KIND, KIND_ENVELOPE);
        doc.put(TENANT, envelope.tenant());
        doc.put(VERSION, envelope.version());
        doc.put(COMMIT, SortableKeys.commitKey(envelope.committedAt(), envelope.stream(), envelope.version()));
        doc.put(ENVELOPE, EnvelopeCodec.write(envelope));
        return doc;
    }

    static void addSnapshot(ObjectNode doc, Snapshot snapshot) {
        doc.put(SNAPSHOT, snapshot.stored());
    }

    static void removeSnapshot(ObjectNode doc) {
        doc.remove(SNAPSHOT);
    }

    static boolean isEnvelope(JsonNode doc) {
        return KIND_ENVELOPE.equals(doc.path(KIND).asText()) && doc.path(ENVELOPE).isTextual();
    }

    static boolean hasSnapshot(JsonNode doc) {
        return doc.path(SNAPSHOT).isTextual();
    }

    static Envelope envelopeOf(JsonNode doc) {
        return EnvelopeCodec.read(doc.get(ENVELOPE).asText());
    }

    static Snapshot snapshotOf(JsonNode doc) {
        return Snapshot.fromStored(doc.get(VERSION).asLong(), doc.get(SNAPSHOT).asText());
    }

    static long versionOf(JsonNode doc) {
        return doc.get(VERSION).asLong();
    }

    static String commitKeyOf(JsonNode doc) {
        return doc.get(COMMIT).asText();
    }

    /** The document's size as Cosmos counts it, less the system properties it adds. */
    static int sizeOf(JsonNode doc) {
        return doc.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
