package dev.foldline.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.command.RetryBackoff;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.errors.TooLarge;
import dev.foldline.errors.Unavailable;
import dev.foldline.examples.Numbers;
import dev.foldline.gcp.FirestoreEmulator;
import dev.foldline.gcp.Resources;
import dev.foldline.gcp.RpcRecorder;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.StreamSlice;
import dev.foldline.store.contract.Envelopes;
import dev.foldline.store.support.ReadPosition;
import dev.foldline.store.contract.CommandHandlingContract;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Firestore store costs in round trips, and its limits, measured on the official emulator. */
@ExtendWith(FirestoreEmulator.class)
class FirestoreStoreCostAndLimitsTest {

    private static final RpcRecorder rpcs = new RpcRecorder();
    private static Firestore client;
    private static FirestoreEventStore store;

    private final String tenant = "t-" + UUID.randomUUID();
    private final Actor actor = Actor.of(tenant, "user1", "user");

    @BeforeAll
    static void setUp() {
        client = FirestoreEmulator.shared().client(rpcs);
        store = new FirestoreEventStore(client, FirestoreStoreOptions.defaults()
                .withRetries(3, new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))));
    }

    @AfterAll
    static void closeClient() throws Exception {
        Resources.closeAll(client);
    }

    @BeforeEach
    void resetRecorder() {
        rpcs.reset();
    }

    private static CommandHandler handler() {
        return new CommandHandler(store, AggregateRegistry.of(Numbers.type()));
    }

    @Test
    void a_warm_command_is_one_commit_and_a_cold_one_a_query_and_a_commit() {
        CommandHandler warm = handler();
        String id = warm.command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2)).aggregateId();

        rpcs.reset();
        CommandResult second = warm.command(actor, "AddNumbers", CommandHandlingContract.add(id, 3, 4));
        assertThat(rpcs.methods()).as("warm").containsExactly("Commit");

        rpcs.reset();
        CommandResult third = handler().command(actor, "AddNumbers", CommandHandlingContract.add(id, 1, 1));
        assertThat(rpcs.methods()).as("cold").containsExactly("RunQuery", "Commit");

        assertThat(second.version()).isEqualTo(1);
        assertThat(third.version()).isEqualTo(2);
        assertThat(third.state()).isEqualTo(new Numbers.State(12));
    }

    @Test
    void a_new_aggregate_with_a_generated_id_is_one_commit() {
        handler().command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2));

        assertThat(rpcs.methods()).containsExactly("Commit");
    }

    @Test
    void a_conflict_costs_one_load_before_the_retried_commit() {
        CommandHandler stale = handler();
        String id = stale.command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2)).aggregateId();
        handler().command(actor, "AddNumbers", CommandHandlingContract.add(id, 10, 10));

        rpcs.reset();
        CommandResult retried = stale.command(actor, "AddNumbers", CommandHandlingContract.add(id, 1, 1));

        assertThat(rpcs.methods()).containsExactly("Commit", "RunQuery", "Commit");
        assertThat(retried.version()).isEqualTo(2);
        assertThat(retried.state()).isEqualTo(new Numbers.State(25));
    }

    @Test
    void a_versioned_read_is_one_query_from_the_nearest_snapshot_below_the_version() {
        StreamId stream = new StreamId(tenant, "numbers", "history");
        Envelopes.written(store, stream, 120, version -> version % 40 == 0);

        rpcs.reset();
        StreamSlice slice = store.loadAt(stream, 95);

        assertThat(rpcs.methods()).containsExactly("RunQuery");
        assertThat(slice.snapshot()).contains(new Snapshot(80, "{\"sum\":80}"));
        assertThat(slice.envelopes()).extracting(Envelope::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(81, 95).boxed().toList());
    }

    @Test
    void a_load_is_one_query_even_with_a_long_history_behind_the_snapshot() {
        StreamId stream = new StreamId(tenant, "numbers", "long");
        for (int version = 0; version < 120; version++) {
            store.append(envelope(stream, version, "x"), version == 110 ? new Snapshot(110, "{\"sum\":110}") : null);
        }

        rpcs.reset();
        StreamSlice slice = store.load(stream, -1);

        assertThat(rpcs.methods()).containsExactly("RunQuery");
        assertThat(slice.snapshot()).contains(new Snapshot(110, "{\"sum\":110}"));
        assertThat(slice.envelopes()).extracting(Envelope::version)
                .containsExactly(111L, 112L, 113L, 114L, 115L, 116L, 117L, 118L, 119L);
    }

    @Test
    void an_envelope_over_the_document_limit_is_too_large_and_nothing_is_sent() {
        StreamId stream = new StreamId(tenant, "numbers", "huge");

        assertThatThrownBy(() -> store.append(envelope(stream, 0, "x".repeat(1024 * 1024)), null))
                .isInstanceOf(TooLarge.class)
                .satisfies(e -> assertThat(((TooLarge) e).kind().httpStatus()).isEqualTo(413));

        assertThat(rpcs.methods()).isEmpty();
        assertThat(store.load(stream, -1).envelopes()).isEmpty();
    }

    @Test
    void an_envelope_just_under_the_limit_is_written_and_the_emulator_agrees_on_the_size() {
        StreamId stream = new StreamId(tenant, "numbers", "big");

        assertThat(store.append(envelope(stream, 0, "x".repeat(1000 * 1024)), null)).isEqualTo(AppendResult.COMMITTED);
        assertThat(store.load(stream, -1).envelopes()).hasSize(1);
    }

    @Test
    void the_size_rule_is_firestores_own_a_document_at_the_limit_is_accepted_and_one_byte_more_refused() {
        StreamId stream = new StreamId(tenant, "numbers", "exact");
        DocumentReference document = client.collection(DocumentIds.TENANTS).document(DocumentIds.tenant(tenant))
                .collection(DocumentIds.ENVELOPES).document(DocumentIds.envelope(stream, 0));
        String[] path = document.getPath().split("/");
        Map<String, Object> probe = EnvelopeDocument.fields(envelope(stream, 0, ""), null);
        int padding = EnvelopeDocument.MAX_DOCUMENT_BYTES - EnvelopeDocument.sizeOf(path, probe);
        Map<String, Object> atLimit = EnvelopeDocument.fields(envelope(stream, 0, "x".repeat(padding)), null);
        Map<String, Object> overLimit = EnvelopeDocument.fields(envelope(stream, 0, "x".repeat(padding + 1)), null);
        assertThat(EnvelopeDocument.sizeOf(path, atLimit)).isEqualTo(EnvelopeDocument.MAX_DOCUMENT_BYTES);

        assertThatThrownBy(() -> FirestoreCalls.await(document.create(overLimit)))
                .satisfies(e -> assertThat(FirestoreCalls.is(e, StatusCode.Code.INVALID_ARGUMENT)).isTrue());
        FirestoreCalls.await(document.create(atLimit));
        assertThat(store.load(stream, -1).envelopes()).hasSize(1);
    }

    @Test
    void a_snapshot_that_would_overflow_the_document_is_dropped_and_the_envelope_kept() {
        StreamId stream = new StreamId(tenant, "numbers", "bigstate");
        Snapshot hugeState = new Snapshot(0, "{\"s\":\"" + "y".repeat(600 * 1024) + "\"}");

        assertThat(store.append(envelope(stream, 0, "x".repeat(500 * 1024)), hugeState))
                .isEqualTo(AppendResult.COMMITTED);

        StreamSlice slice = store.load(stream, -1);
        assertThat(slice.snapshot()).isEmpty();
        assertThat(slice.envelopes()).hasSize(1);
    }

    @Test
    void resource_exhausted_is_retried_and_the_envelope_committed_once() {
        StreamId stream = new StreamId(tenant, "numbers", "busy");
        rpcs.fail("Commit", Status.RESOURCE_EXHAUSTED, 2);

        assertThat(store.append(envelope(stream, 0, "x"), null)).isEqualTo(AppendResult.COMMITTED);

        assertThat(rpcs.methods()).filteredOn("Commit"::equals).hasSizeGreaterThanOrEqualTo(3);
        assertThat(store.load(stream, -1).envelopes()).hasSize(1);
    }

    @Test
    void contention_that_outlasts_the_retries_is_unavailable_with_retry_after_and_nothing_is_written() {
        StreamId stream = new StreamId(tenant, "numbers", "contended");
        rpcs.fail("Commit", Status.ABORTED, 1000);

        assertThatThrownBy(() -> store.append(envelope(stream, 0, "x"), null))
                .isInstanceOf(Unavailable.class)
                .satisfies(e -> {
                    assertThat(((Unavailable) e).kind().httpStatus()).isEqualTo(503);
                    assertThat(((Unavailable) e).retryAfterHeader()).isEqualTo("1");
                });

        rpcs.reset();
        assertThat(store.load(stream, -1).envelopes()).isEmpty();
    }

    @Test
    void a_checkpoint_compare_and_set_after_a_read_is_one_commit_and_a_stale_one_changes_nothing() {
        CheckpointStore checkpoints = store.checkpoints();
        checkpoints.write(tenant, "k", "a", Checkpoint.ABSENT);
        Checkpoint current = checkpoints.read(tenant, "k").orElseThrow();

        rpcs.reset();
        assertThat(checkpoints.write(tenant, "k", "b", current.revision())).isTrue();
        assertThat(rpcs.methods()).containsExactly("Commit");

        assertThat(checkpoints.write(tenant, "k", "c", current.revision())).isFalse();
        assertThat(checkpoints.read(tenant, "k")).contains(new Checkpoint("b", current.revision() + 1));
    }

    @Test
    void a_position_that_is_not_one_of_this_store_is_an_invalid_argument() {
        assertThatThrownBy(() -> store.readAll(tenant, "garbage", 10)).isInstanceOf(InvalidArgument.class);
        String forged = new ReadPosition("not-a-stamp", Set.of()).encode();
        assertThatThrownBy(() -> store.readAll(tenant, forged, 10)).isInstanceOf(InvalidArgument.class);
    }

    private Envelope envelope(StreamId stream, long version, String padding) {
        return new Envelope(stream, version, "Do", actor,
                List.of(Event.of("Happened", Payload.empty().with("padding", padding))), Instant.now());
    }
}
