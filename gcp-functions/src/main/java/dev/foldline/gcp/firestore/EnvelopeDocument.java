package dev.foldline.gcp.firestore;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of an envelope document ({@code tenants/{tenant}/envelopes/{type}|{id}|{version}}):
 *
 * <pre>
 * stream    "{type}|{id}", escaped as in the document id
 * version   the envelope's version
 * envelope  the EnvelopeCodec JSON (events, actor, idempotency key, command id...)
 * stamp     the server's timestamp of the commit (FieldValue.serverTimestamp()): the readAll order
 * snapshot  Snapshot.stored(): the state after this envelope and the keys the aggregate remembers,
 *           when a snapshot was taken (optional)
 * </pre>
 *
 * Indexed: {@code stamp} (single field) and {@code stream, version desc} (composite), see
 * {@code firestore.indexes.json}; the JSON fields are exempt from indexing.
 */
final class EnvelopeDocument {

    static final String ENVELOPE = "envelope";
    static final String STAMP = "stamp";
    static final String STREAM = "stream";
    static final String VERSION = "version";
    static final String SNAPSHOT = "snapshot";

    /** Firestore's document size limit. */
    static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    private EnvelopeDocument() {
    }

    static Map<String, Object> fields(Envelope envelope, Snapshot snapshot) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(STREAM, DocumentIds.stream(envelope.stream()));
        fields.put(VERSION, envelope.version());
        fields.put(ENVELOPE, EnvelopeCodec.write(envelope));
        fields.put(STAMP, FieldValue.serverTimestamp());
        if (snapshot != null) {
            fields.put(SNAPSHOT, snapshot.stored());
        }
        return fields;
    }

    static Envelope envelope(DocumentSnapshot document) {
        return EnvelopeCodec.read(document.getString(ENVELOPE));
    }

    static Snapshot snapshot(DocumentSnapshot document, long version) {
        String state = document.getString(SNAPSHOT);
        return state == null ? null : Snapshot.fromStored(version, state);
    }

    /**
     * The document's stored size by Firestore's rules: the name (each path segment's UTF-8 bytes
     * plus one, plus 16), each field name plus one, each string value plus one, 8 per timestamp,
     * plus 32.
     */
    static int sizeOf(String[] pathSegments, Map<String, Object> fields) {
        int size = 16 + 32;
        for (String segment : pathSegments) {
            size += utf8(segment) + 1;
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            size += utf8(field.getKey()) + 1;
            size += field.getValue() instanceof String text ? utf8(text) + 1 : 8;
        }
        return size;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
