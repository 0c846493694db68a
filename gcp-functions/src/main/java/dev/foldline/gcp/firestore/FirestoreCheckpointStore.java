package dev.foldline.gcp.firestore;

import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.WriteResult;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checkpoints as documents {@code tenants/{tenant}/checkpoints/{key}} with {@code value} and
 * {@code rev}. A new key is a {@code create()} (ALREADY_EXISTS = someone was first). Firestore's
 * write preconditions know update times, not field values, so a change of an existing key is one
 * write conditional on the update time this store last saw at that revision (every write changes
 * the update time, so "unchanged since" is "still at that revision"), and, when it has not seen
 * the key at that revision, a transaction that reads the revision and writes only if it matches.
 * These writes are on the projection side, never on the command path.
 */
final class FirestoreCheckpointStore implements CheckpointStore {

    static final String VALUE = "value";
    static final String REVISION = "rev";
    private static final int LIST_PAGE = 300;

    private final Firestore db;
    private final FirestoreCalls calls;
    private final SeenRevisions seen = new SeenRevisions(10_000);

    FirestoreCheckpointStore(Firestore db, FirestoreCalls calls) {
        this.db = db;
        this.calls = calls;
    }

    @Override
    public Optional<Checkpoint> read(String tenant, String key) {
        DocumentReference document = document(tenant, key);
        DocumentSnapshot snapshot = calls.call("a checkpoint read", document::get);
        if (!snapshot.exists()) {
            return Optional.empty();
        }
        Checkpoint checkpoint = checkpoint(snapshot);
        seen.put(document.getPath(), checkpoint.revision(), snapshot.getUpdateTime());
        return Optional.of(checkpoint);
    }

    @Override
    public boolean write(String tenant, String key, String value, long expectedRevision) {
        DocumentReference document = document(tenant, key);
        Map<String, Object> fields = Map.of(VALUE, value, REVISION, expectedRevision + 1);
        if (expectedRevision == Checkpoint.ABSENT) {
            try {
                WriteResult written = calls.call("a checkpoint create", () -> document.create(fields));
                seen.put(document.getPath(), 0, written.getUpdateTime());
                return true;
            } catch (RuntimeException e) {
                if (FirestoreCalls.is(e, StatusCode.Code.ALREADY_EXISTS)) {
                    return false;
                }
                throw FirestoreCalls.tooLargeOr(e);
            }
        }
        Optional<Timestamp> unchangedSince = seen.updateTime(document.getPath(), expectedRevision);
        if (unchangedSince.isPresent()) {
            try {
                WriteResult written = calls.call("a checkpoint write",
                        () -> document.update(fields, Precondition.updatedAt(unchangedSince.get())));
                seen.put(document.getPath(), expectedRevision + 1, written.getUpdateTime());
                return true;
            } catch (RuntimeException e) {
                return changedMeanwhile(document, e);
            }
        }
        return calls.call("a checkpoint write", () -> db.runTransaction(transaction -> {
            DocumentSnapshot current = transaction.get(document).get();
            if (!atRevision(current, expectedRevision)) {
                return false;
            }
            transaction.set(document, fields);
            return true;
        }));
    }

    @Override
    public boolean delete(String tenant, String key, long expectedRevision) {
        DocumentReference document = document(tenant, key);
        Optional<Timestamp> unchangedSince = seen.updateTime(document.getPath(), expectedRevision);
        if (unchangedSince.isPresent()) {
            try {
                calls.call("a checkpoint delete", () -> document.delete(Precondition.updatedAt(unchangedSince.get())));
                seen.forget(document.getPath());
                return true;
            } catch (RuntimeException e) {
                return changedMeanwhile(document, e);
            }
        }
        return calls.call("a checkpoint delete", () -> db.runTransaction(transaction -> {
            DocumentSnapshot current = transaction.get(document).get();
            if (!atRevision(current, expectedRevision)) {
                return false;
            }
            transaction.delete(document);
            return true;
        }));
    }

    /** The keys with the prefix: a document-id range from the escaped prefix, read until it ends. */
    @Override
    public Map<String, Checkpoint> list(String tenant, String keyPrefix) {
        CollectionReference checkpoints = checkpoints(tenant);
        String idPrefix = keyPrefix.isEmpty() ? "" : DocumentIds.component(keyPrefix);
        Query byId = checkpoints.orderBy(FieldPath.documentId()).limit(LIST_PAGE);
        if (!idPrefix.isEmpty()) {
            byId = byId.whereGreaterThanOrEqualTo(FieldPath.documentId(), checkpoints.document(idPrefix));
        }
        Map<String, Checkpoint> found = new TreeMap<>();
        Query page = byId;
        while (true) {
            List<QueryDocumentSnapshot> documents = calls.call("a checkpoint list", page::get).getDocuments();
            for (QueryDocumentSnapshot document : documents) {
                if (!document.getId().startsWith(idPrefix)) {
                    return found;
                }
                found.put(DocumentIds.checkpointKey(document.getId()), checkpoint(document));
            }
            if (documents.size() < LIST_PAGE) {
                return found;
            }
            page = byId.startAfter(documents.get(documents.size() - 1));
        }
    }

    /** A conditional write refused because the document changed (or went) since it was seen: false. */
    private boolean changedMeanwhile(DocumentReference document, RuntimeException error) {
        if (FirestoreCalls.is(error, StatusCode.Code.FAILED_PRECONDITION) || FirestoreCalls.is(error, StatusCode.Code.NOT_FOUND)) {
            seen.forget(document.getPath());
            return false;
        }
        throw error;
    }

    private static boolean atRevision(DocumentSnapshot current, long expectedRevision) {
        return current.exists() && Long.valueOf(expectedRevision).equals(current.getLong(REVISION));
    }

    private DocumentReference document(String tenant, String key) {
        return checkpoints(tenant).document(DocumentIds.checkpoint(key));
    }

    private CollectionReference checkpoints(String tenant) {
        return db.collection(DocumentIds.TENANTS).document(DocumentIds.tenant(tenant))
                .collection(DocumentIds.CHECKPOINTS);
    }

    private static Checkpoint checkpoint(DocumentSnapshot document) {
        return new Checkpoint(document.getString(VALUE), document.getLong(REVISION));
    }
}
