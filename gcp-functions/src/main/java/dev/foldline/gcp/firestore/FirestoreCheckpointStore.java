package dev.foldline.gcp.firestore;

import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checkpoints as documents {@code tenants/{tenant}/checkpoints/{key}} with {@code value} and
 * {@code rev}. A new key is a {@code create()} (ALREADY_EXISTS = someone was first); a change of
 * an existing one is a transaction that reads the revision and writes only if it matches, since
 * Firestore's write preconditions know update times, not field values. These writes are on the
 * projection side, never on the command path.
 */
final class FirestoreCheckpointStore implements CheckpointStore {

    static final String VALUE = "value";
    static final String REVISION = "rev";
    private static final int LIST_PAGE = 300;

    private final Firestore db;
    private final FirestoreCalls calls;

    FirestoreCheckpointStore(Firestore db, FirestoreCalls calls) {
        this.db = db;
        this.calls = calls;
    }

    @Override
    public Optional<Checkpoint> read(String tenant, String key) {
        DocumentSnapshot document = calls.call("a checkpoint read", () -> document(tenant, key).get());
        return document.exists() ? Optional.of(checkpoint(document)) : Optional.empty();
    }

    @Override
    public boolean write(String tenant, String key, String value, long expectedRevision) {
        DocumentReference document = document(tenant, key);
        Map<String, Object> fields = Map.of(VALUE, value, REVISION, expectedRevision + 1);
        if (expectedRevision == Checkpoint.ABSENT) {
            try {
                calls.call("a checkpoint create", () -> document.create(fields));
                return true;
            } catch (RuntimeException e) {
                if (FirestoreCalls.is(e, StatusCode.Code.ALREADY_EXISTS)) {
                    return false;
                }
                throw FirestoreCalls.tooLargeOr(e);
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
