package dev.foldline.store;

import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import java.util.List;
import java.util.Optional;

/**
 * The storage contract every store implements, and that the contract suite checks on a real
 * engine. Versions: a new stream is at -1; each envelope adds one.
 */
public interface EventStore {

    /**
     * Reads what a caller at {@code knownVersion} (-1 for nothing) needs to reach the latest
     * version: the newest snapshot newer than {@code knownVersion}, if the store has one, and the
     * envelopes after the later of the two.
     */
    StreamSlice load(StreamId stream, long knownVersion);

    /**
     * Writes the envelope, and the snapshot if given, atomically, only if no envelope holds the
     * envelope's version yet. The snapshot, when given, has the envelope's version. Callers append
     * the version after the one they loaded (the command handler always does), so streams have no
     * gaps without every store paying to check the predecessor.
     *
     * <p>When the version is held by an envelope of the same attempt ({@link Envelope#sameAttempt}),
     * nothing is written, and the answer is {@link AppendResult#COMMITTED} where the failed
     * condition itself tells (DynamoDB returns the item in the way). A store whose database answers
     * only "taken" reports {@link AppendResult#CONFLICT} rather than pay a read on the conflict
     * path: the command handler recognises its own attempt in the catch-up read that follows every
     * conflict, and answers success without running the command again.
     */
    AppendResult append(Envelope envelope, Snapshot snapshot);

    /**
     * What the state as of {@code version} needs: the newest snapshot at or below that version that
     * the store can find cheaply (none is always correct), and the envelopes after it up to the
     * version, in order. A stream that never reached the version returns what it has, so the
     * caller sees that it stops short. This default replays from the first envelope; a store that
     * keeps a snapshot per version finds the nearest one in the same read as the tail.
     */
    default StreamSlice loadAt(StreamId stream, long version) {
        return new StreamSlice(Optional.empty(), read(stream, 0, version));
    }

    /** The stream's envelopes with {@code fromVersion <= version <= toVersion}, in order. */
    List<Envelope> read(StreamId stream, long fromVersion, long toVersion);

    /**
     * A page of the tenant's envelopes from a resumable position (null for the beginning). Each
     * aggregate's envelopes come in version order. A reader that resumes from
     * {@link Page#nextPosition()} never misses an envelope, even one that commits after others
     * with later commit stamps; it may see an envelope again, which readers skip by version.
     */
    Page readAll(String tenant, String afterPosition, int limit);

    /**
     * Every tenant with envelopes in the store, in name order: what a rebuild of all tenants walks
     * (each store's README says at what cost).
     */
    List<String> tenants();

    CheckpointStore checkpoints();

    /**
     * Whether {@link #append} answers {@link AppendResult#COMMITTED} when the version is held by
     * the same attempt, so that its {@link AppendResult#CONFLICT} always means another writer's
     * envelope. The command handler then needs no read to tell the two apart after a conflict.
     * Stores whose database answers only "taken" (Cosmos DB, Firestore) keep the default.
     */
    default boolean recognisesOwnResend() {
        return false;
    }

    /** A stream of the blank tenant: no actor has a blank tenant, so no command reads or writes it. */
    StreamId PRIMING_STREAM = new StreamId(" ", "warmup", "-");

    /**
     * Sends what a command sends, writing nothing, for a function to call before a snapshot of its
     * memory is taken (Lambda SnapStart), so that the first request after a restore finds the
     * client's request path loaded: a load of {@link #PRIMING_STREAM}. Stores whose append takes
     * another path than their load send that too, in a form the database refuses.
     */
    default void prime() {
        load(PRIMING_STREAM, -1);
    }
}
