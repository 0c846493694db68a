package dev.foldline.gcp.firestore;

import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.QuerySnapshot;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.errors.TooLarge;
import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.store.Page;
import dev.foldline.store.StreamSlice;
import dev.foldline.store.support.CommitOrderReads;
import dev.foldline.store.support.ReadPosition;
import dev.foldline.store.support.SortableKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The event store on Cloud Firestore (see {@link DocumentIds} for the paths and
 * {@link EnvelopeDocument} for the fields).
 *
 * <ul>
 *   <li>append = one {@code create()}: one commit, no transaction, no read. The snapshot rides on
 *       the envelope's document, so the two are atomic; a taken version fails with ALREADY_EXISTS,
 *       which is the conflict, and nothing more is read: the command handler's catch-up read after
 *       a conflict recognises the attempt's own earlier write (a resend whose first answer was lost).</li>
 *   <li>load = one query on the stream's envelopes (the {@code stream, version desc} index), newest
 *       first, that stops at the newest snapshot (more pages only for long tails without a snapshot).
 *       A versioned read is the same query from the version down.</li>
 *   <li>readAll = the tenant's envelopes by server commit stamp, read with a settle window behind
 *       the query's own read time, so that late commits are never missed (the core's
 *       {@link CommitOrderReads}; see the README, "Ordering").</li>
 * </ul>
 */
public final class FirestoreEventStore implements EventStore {

    /** The field of an envelope document that holds the envelope (EnvelopeCodec JSON). */
    public static final String ENVELOPE_FIELD = EnvelopeDocument.ENVELOPE;

    private final Firestore db;
    private final FirestoreStoreOptions options;
    private final FirestoreCalls calls;
    private final FirestoreCheckpointStore checkpoints;

    public FirestoreEventStore(Firestore db, FirestoreStoreOptions options) {
        this.db = db;
        this.options = options;
        this.calls = new FirestoreCalls(options);
        this.checkpoints = new FirestoreCheckpointStore(db, calls);
    }

    /**
     * Whether a document name (full, {@code projects/.../documents/...}, or relative) is that of an
     * envelope: {@code tenants/{tenant}/envelopes/{id}} at the root of the database.
     */
    public static boolean isEnvelopeDocument(String name) {
        String relative = name.contains("/documents/") ? name.substring(name.indexOf("/documents/") + 11) : name;
        String[] segments = relative.split("/");
        return segments.length == 4 && segments[0].equals(DocumentIds.TENANTS) && segments[2].equals(DocumentIds.ENVELOPES);
    }

    public FirestoreStoreOptions options() {
        return options;
    }

    @Override
    public StreamSlice load(StreamId stream, long knownVersion) {
        return newestFirstToSnapshot(newestFirst(stream).whereGreaterThan(EnvelopeDocument.VERSION, knownVersion));
    }

    /**
     * The same query as a load, bounded above by the version (the same composite index): every
     * envelope's document can hold the snapshot taken at its version, so the newest one at or
     * below it is on the way down.
     */
    @Override
    public StreamSlice loadAt(StreamId stream, long version) {
        return newestFirstToSnapshot(newestFirst(stream).whereLessThanOrEqualTo(EnvelopeDocument.VERSION, version));
    }

    /** The query's envelopes, newest first, page by page down to the first that holds a snapshot. */
    private StreamSlice newestFirstToSnapshot(Query bounded) {
        Query newestFirst = bounded.limit(options.loadPageSize());
        List<Envelope> found = new ArrayList<>();
        Snapshot snapshot = null;
        Query page = newestFirst;
        while (snapshot == null) {
            List<QueryDocumentSnapshot> documents = calls.call("a load", page::get).getDocuments();
            for (QueryDocumentSnapshot document : documents) {
                Envelope envelope = EnvelopeDocument.envelope(document);
                snapshot = EnvelopeDocument.snapshot(document, envelope.version());
                if (snapshot != null) {
                    break;
                }
                found.add(envelope);
            }
            if (documents.size() < options.loadPageSize()) {
                break;
            }
            page = newestFirst.startAfter(documents.get(documents.size() - 1));
        }
        Collections.reverse(found);
        return new StreamSlice(Optional.ofNullable(snapshot), found);
    }

    @Override
    public AppendResult append(Envelope envelope, Snapshot snapshot) {
        if (snapshot != null && snapshot.version() != envelope.version()) {
            throw new IllegalArgumentException("a snapshot is appended with the envelope of its version");
        }
        DocumentReference document = envelopes(envelope.tenant())
                .document(DocumentIds.envelope(envelope.stream(), envelope.version()));
        Map<String, Object> fields = EnvelopeDocument.fields(envelope, null);
        int size = EnvelopeDocument.sizeOf(path(document), fields);
        if (size > EnvelopeDocument.MAX_DOCUMENT_BYTES) {
            throw new TooLarge("the envelope takes " + size + " bytes stored; Firestore's document limit is "
                    + EnvelopeDocument.MAX_DOCUMENT_BYTES);
        }
        if (snapshot != null) {
            Map<String, Object> withSnapshot = EnvelopeDocument.fields(envelope, snapshot);
            // A snapshot only saves reads: drop it rather than refuse the envelope.
            if (EnvelopeDocument.sizeOf(path(document), withSnapshot) <= EnvelopeDocument.MAX_DOCUMENT_BYTES) {
                fields = withSnapshot;
            }
        }
        Map<String, Object> written = fields;
        try {
            calls.call("an append", () -> document.create(written));
            return AppendResult.COMMITTED;
        } catch (RuntimeException e) {
            if (FirestoreCalls.is(e, StatusCode.Code.ALREADY_EXISTS)) {
                return AppendResult.CONFLICT;
            }
            throw FirestoreCalls.tooLargeOr(e);
        }
    }

    @Override
    public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
        long from = Math.max(0, fromVersion);
        if (from > toVersion) {
            return List.of();
        }
        Query range = newestFirst(stream).whereGreaterThanOrEqualTo(EnvelopeDocument.VERSION, from)
                .whereLessThanOrEqualTo(EnvelopeDocument.VERSION, toVersion);
        List<Envelope> envelopes = new ArrayList<>(calls.call("a read", range::get).getDocuments().stream()
                .map(EnvelopeDocument::envelope).toList());
        Collections.reverse(envelopes);
        return envelopes;
    }

    /**
     * Reads the tenant's envelopes by commit stamp from the position's watermark, skipping what the
     * reader was given, until it has {@code limit + 1} new ones (see {@link CommitOrderReads}). The
     * settle window counts back from the query's read time, the server's clock: nothing that the
     * query could not see yet can be stamped before it minus the window.
     */
    @Override
    public Page readAll(String tenant, String afterPosition, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        ReadPosition position = ReadPosition.decode(afterPosition);
        int pageSize = Math.min(1000, limit + 1 + position.delivered().size());
        Query byStamp = envelopes(tenant).orderBy(EnvelopeDocument.STAMP).limit(pageSize);
        if (position.watermark() != null) {
            byStamp = byStamp.whereGreaterThanOrEqualTo(EnvelopeDocument.STAMP, timestamp(position.watermark()));
        }
        List<Stamped> found = new ArrayList<>();
        Instant readTime = null;
        Query page = byStamp;
        while (found.size() <= limit) {
            QuerySnapshot result = calls.call("a tenant read", page::get);
            readTime = readTime != null ? readTime : result.getReadTime().toSqlTimestamp().toInstant();
            for (QueryDocumentSnapshot document : result.getDocuments()) {
                Envelope envelope = EnvelopeDocument.envelope(document);
                String key = SortableKeys.commitKey(document.getTimestamp(EnvelopeDocument.STAMP)
                        .toSqlTimestamp().toInstant(), envelope.stream(), envelope.version());
                if (!position.wasDelivered(key) && found.size() <= limit) {
                    found.add(new Stamped(key, envelope));
                }
            }
            if (result.size() < pageSize) {
                break;
            }
            page = byStamp.startAfter(result.getDocuments().get(result.size() - 1));
        }
        return CommitOrderReads.page(found, Stamped::key, Stamped::envelope, position, limit,
                readTime.minus(options.settleWindow()));
    }

    /**
     * The tenant documents, listed (they exist only as parents of their envelopes and checkpoints):
     * one request per 300 tenants or so, whatever their histories; the system space is left out.
     */
    @Override
    public List<String> tenants() {
        TreeSet<String> tenants = new TreeSet<>();
        db.collection(DocumentIds.TENANTS).listDocuments()
                .forEach(document -> tenants.add(DocumentIds.unescape(document.getId())));
        tenants.remove(CheckpointStore.SYSTEM_SPACE);
        return List.copyOf(tenants);
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** The stream's envelopes, newest first: the one composite index of firestore.indexes.json. */
    private Query newestFirst(StreamId stream) {
        return envelopes(stream.tenant()).whereEqualTo(EnvelopeDocument.STREAM, DocumentIds.stream(stream))
                .orderBy(EnvelopeDocument.VERSION, Query.Direction.DESCENDING);
    }

    private CollectionReference envelopes(String tenant) {
        return db.collection(DocumentIds.TENANTS).document(DocumentIds.tenant(tenant)).collection(DocumentIds.ENVELOPES);
    }

    private static String[] path(DocumentReference document) {
        return document.getPath().split("/");
    }

    /** A position's watermark as a query bound: {@link SortableKeys#time} text back to a timestamp. */
    private static Timestamp timestamp(String stamp) {
        try {
            int dot = stamp.indexOf('.');
            return Timestamp.ofTimeSecondsAndNanos(Long.parseLong(stamp.substring(0, dot)),
                    Integer.parseInt(stamp.substring(dot + 1)));
        } catch (RuntimeException e) {
            throw new InvalidArgument("position", "not a position of this store: bad watermark");
        }
    }

    private record Stamped(String key, Envelope envelope) {
    }
}
