package dev.foldline.store.contract;

import static dev.foldline.store.contract.CommandHandlingContract.add;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.errors.ConcurrencyConflict;
import dev.foldline.errors.FoldlineException;
import dev.foldline.errors.PreconditionFailed;
import dev.foldline.examples.Numbers;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.RecordedKey;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.EventStore;
import dev.foldline.store.StreamSlice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Idempotent commands: a write sent again by the same attempt is recognised by the store, and a
 * request retried with its idempotency key is answered with the original result, writing nothing.
 */
public interface IdempotencyContract extends StoreFixture {

    private static Envelope attempt(StreamId stream, long version, String key, String commandId) {
        return new Envelope(stream, version, "AddNumbers", Actor.of(stream.tenant(), "user1"),
                List.of(Event.of("NumbersAdded", Payload.empty().with("number1", 1).with("number2", 2))),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), key, key == null ? null : "fp-" + key, commandId);
    }

    private CommandHandler handler(SnapshotPolicy snapshots, Clock clock) {
        return new CommandHandler(store(), AggregateRegistry.of(Numbers.type(snapshots)),
                CommandHandler.Options.defaults().withMaxRetries(100).withClock(clock));
    }

    private CommandHandler handler() {
        return handler(SnapshotPolicy.every(50), Clock.systemUTC());
    }

    private List<Envelope> envelopes(Actor actor, String id) {
        return store().read(new StreamId(actor.tenant(), Numbers.NAME, id), 0, Long.MAX_VALUE);
    }

    /**
     * A store that can tell answers COMMITTED; one that cannot without a read reports the conflict
     * (see {@link dev.foldline.store.EventStore#recognisesOwnResend()}). Either way nothing more is written.
     */
    @Test
    default void a_write_sent_again_by_the_attempt_that_committed_it_is_committed_once() {
        StreamId stream = new StreamId(freshTenant(), Numbers.NAME, "a1");
        Envelope first = attempt(stream, 0, "k1", "attempt-1");
        assertThat(store().append(first, null)).isEqualTo(AppendResult.COMMITTED);

        AppendResult again = store().append(first, new Snapshot(0, "{\"sum\":3}"));

        assertThat(again).isEqualTo(store().recognisesOwnResend() ? AppendResult.COMMITTED : AppendResult.CONFLICT);
        StreamSlice slice = store().load(stream, -1);
        assertThat(slice.envelopes()).containsExactly(first);
        assertThat(slice.snapshot()).isEmpty();
    }

    @Test
    default void another_attempt_at_a_taken_version_is_a_conflict_even_under_the_same_key() {
        StreamId stream = new StreamId(freshTenant(), Numbers.NAME, "a1");
        store().append(attempt(stream, 0, "k1", "attempt-1"), null);

        assertThat(store().append(attempt(stream, 0, "k1", "attempt-2"), null)).isEqualTo(AppendResult.CONFLICT);
        assertThat(store().append(attempt(stream, 0, null, null), null)).isEqualTo(AppendResult.CONFLICT);
        assertThat(store().read(stream, 0, 10)).extracting(Envelope::commandId).containsExactly("attempt-1");
    }

    @Test
    default void an_envelope_keeps_its_key_fingerprint_and_attempt_and_a_snapshot_its_remembered_keys() {
        StreamId stream = new StreamId(freshTenant(), Numbers.NAME, "a1");
        Envelope keyed = attempt(stream, 0, "k1", "attempt-1");
        List<RecordedKey> remembered = List.of(RecordedKey.of(keyed),
                new RecordedKey("older-key", "fp-older", 0, keyed.committedAt().minusSeconds(5)));
        store().append(keyed, new Snapshot(0, "{\"sum\":3}", remembered));

        StreamSlice slice = store().load(stream, -1);

        assertThat(store().read(stream, 0, 0)).containsExactly(keyed);
        assertThat(slice.snapshot()).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.keys()).containsExactlyInAnyOrderElementsOf(remembered);
            assertThat(snapshot.stateJson()).isEqualTo("{\"sum\":3}");
        });
    }

    @Test
    default void a_retry_with_the_same_key_returns_the_original_result_and_writes_nothing() {
        Actor actor = Actor.of(freshTenant(), "user1");
        CommandHandler handler = handler();
        CommandResult first = handler.command(actor, "AddNumbers", add("a1", 1, 2), "key-1");

        CommandResult retry = handler.command(actor, "AddNumbers", add("a1", 1, 2), "key-1");

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.aggregateId()).isEqualTo("a1");
        assertThat(retry.version()).isEqualTo(first.version()).isZero();
        assertThat(retry.events()).isEqualTo(first.events());
        assertThat(retry.state()).isEqualTo(new Numbers.State(3));
        assertThat(envelopes(actor, "a1")).hasSize(1);
    }

    @Test
    default void a_retry_after_a_lost_answer_is_recognised_by_a_handler_that_never_saw_the_first_request() {
        Actor actor = Actor.of(freshTenant(), "user1");
        handler().command(actor, "AddNumbers", add("a1", 5, 5));
        CommandResult first = handler().command(actor, "AddNumbers", add("a1", 1, 2), "key-1");

        CommandResult retry = handler().command(actor, "AddNumbers", add("a1", 1, 2), "key-1");

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.version()).isEqualTo(first.version()).isEqualTo(1);
        assertThat(envelopes(actor, "a1")).hasSize(2);
    }

    @Test
    default void a_create_without_an_id_retried_with_its_key_gets_the_same_aggregate() {
        Actor actor = Actor.of(freshTenant(), "user1");
        CommandResult first = handler().command(actor, "AddNumbers", add(null, 1, 2), "create-1");

        CommandResult retry = handler().command(actor, "AddNumbers", add(null, 1, 2), "create-1");
        CommandResult other = handler().command(actor, "AddNumbers", add(null, 1, 2), "create-2");

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.aggregateId()).isEqualTo(first.aggregateId());
        assertThat(retry.version()).isZero();
        assertThat(other.aggregateId()).isNotEqualTo(first.aggregateId());
        assertThat(envelopes(actor, first.aggregateId())).hasSize(1);
    }

    @Test
    default void the_same_key_with_another_payload_or_command_is_refused_naming_the_key_and_writes_nothing() {
        Actor actor = Actor.of(freshTenant(), "user1");
        handler().command(actor, "AddNumbers", add("a1", 1, 2), "key-1");

        for (CommandHandler handler : List.of(handler(), handler())) {
            assertThatThrownBy(() -> handler.command(actor, "AddNumbers", add("a1", 1, 3), "key-1"))
                    .isInstanceOf(PreconditionFailed.class)
                    .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("Idempotency-Key"))
                    .hasMessageContaining("key-1");
            assertThatThrownBy(() -> handler.command(actor, "SubtractNumbers", add("a1", 1, 2), "key-1"))
                    .isInstanceOf(PreconditionFailed.class);
        }
        assertThat(envelopes(actor, "a1")).hasSize(1);
    }

    @Test
    default void a_reordered_but_equal_payload_is_the_same_request() {
        Actor actor = Actor.of(freshTenant(), "user1");
        handler().command(actor, "AddNumbers", Payload.parse("{\"aggregateId\":\"a1\",\"number1\":1,\"number2\":2}"), "k");

        CommandResult retry = handler().command(actor, "AddNumbers",
                Payload.parse("{\"number2\":2,\"number1\":1,\"aggregateId\":\"a1\"}"), "k");

        assertThat(retry.replayed()).isTrue();
    }

    @Test
    default void a_retry_with_the_first_requests_expected_version_is_replayed_not_refused() {
        Actor actor = Actor.of(freshTenant(), "user1");
        handler().command(actor, "AddNumbers", add("a1", 1, 1));
        Payload guarded = add("a1", 1, 2).with("expectedVersion", 0);
        handler().command(actor, "AddNumbers", guarded, "key-1");

        CommandResult retry = handler().command(actor, "AddNumbers", guarded, "key-1");

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.version()).isEqualTo(1);
    }

    @Test
    default void a_key_is_remembered_through_snapshots() {
        Actor actor = Actor.of(freshTenant(), "user1");
        CommandHandler everyCommit = handler(SnapshotPolicy.everyCommit(), Clock.systemUTC());
        everyCommit.command(actor, "AddNumbers", add("a1", 1, 2), "key-1");
        for (int i = 0; i < 3; i++) {
            everyCommit.command(actor, "AddNumbers", add("a1", 1, 1));
        }

        CommandResult retry = handler(SnapshotPolicy.everyCommit(), Clock.systemUTC())
                .command(actor, "AddNumbers", add("a1", 1, 2), "key-1");

        assertThat(store().load(new StreamId(actor.tenant(), Numbers.NAME, "a1"), -1).envelopes()).isEmpty();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.version()).isZero();
        assertThat(retry.stateIsAtVersion()).isFalse();
        assertThat(envelopes(actor, "a1")).hasSize(4);
    }

    @Test
    default void a_key_older_than_the_retention_window_runs_as_a_new_command_and_reads_still_work() {
        Actor actor = Actor.of(freshTenant(), "user1");
        MutableClock clock = new MutableClock(Instant.now());
        handler(SnapshotPolicy.everyCommit(), clock).command(actor, "AddNumbers", add("a1", 1, 2), "key-1");
        clock.advance(CommandHandler.Options.DEFAULT_KEY_RETENTION.plus(Duration.ofMinutes(1)));

        CommandResult late = handler(SnapshotPolicy.everyCommit(), clock)
                .command(actor, "AddNumbers", add("a1", 1, 2), "key-1");

        assertThat(late.replayed()).isFalse();
        assertThat(late.version()).isEqualTo(1);
        assertThat(handler(SnapshotPolicy.never(), clock).load(actor.tenant(), Numbers.NAME, "a1").state())
                .isEqualTo(new Numbers.State(6));
    }

    @Test
    default void racing_requests_with_one_key_write_one_envelope_and_all_get_its_result() throws Exception {
        Actor actor = Actor.of(freshTenant(), "user1");
        Set<String> answers = ConcurrentHashMap.newKeySet();
        Concurrently.run(6, index -> {
            CommandHandler own = handler();
            for (int tries = 0; ; tries++) {
                try {
                    CommandResult result = own.command(actor, "AddNumbers", add(null, 1, 2), "race-1");
                    answers.add(result.aggregateId() + "@" + result.version());
                    return;
                } catch (ConcurrencyConflict conflict) {
                    if (tries > 10) {
                        throw conflict;
                    }
                }
            }
        });

        assertThat(answers).hasSize(1);
        String id = answers.iterator().next().split("@")[0];
        assertThat(answers).containsExactly(id + "@0");
        assertThat(envelopes(actor, id)).hasSize(1);
    }

    /**
     * The store committed, but the answer was lost and the resent write met the first one's envelope,
     * as a store that cannot tell its own attempt from the failed condition reports it: a conflict.
     */
    private EventStore losingAnswers(java.util.concurrent.atomic.AtomicBoolean armed) {
        EventStore inner = store();
        return new EventStore() {
            @Override
            public StreamSlice load(StreamId stream, long knownVersion) {
                return inner.load(stream, knownVersion);
            }

            @Override
            public AppendResult append(Envelope envelope, Snapshot snapshot) {
                AppendResult result = inner.append(envelope, snapshot);
                return result == AppendResult.COMMITTED && armed.getAndSet(false) ? AppendResult.CONFLICT : result;
            }

            @Override
            public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
                return inner.read(stream, fromVersion, toVersion);
            }

            @Override
            public dev.foldline.store.Page readAll(String tenant, String afterPosition, int limit) {
                return inner.readAll(tenant, afterPosition, limit);
            }

            @Override
            public List<String> tenants() {
                return inner.tenants();
            }

            @Override
            public dev.foldline.store.CheckpointStore checkpoints() {
                return inner.checkpoints();
            }
        };
    }

    @Test
    default void a_command_whose_committed_write_came_back_as_a_conflict_is_recognised_and_not_run_again() {
        for (SnapshotPolicy snapshots : List.of(SnapshotPolicy.never(), SnapshotPolicy.everyCommit())) {
            recognisesItsOwnCommitBehindAConflict(snapshots);
        }
    }

    private void recognisesItsOwnCommitBehindAConflict(SnapshotPolicy snapshots) {
        Actor actor = Actor.of(freshTenant(), "user1");
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        CommandHandler handler = new CommandHandler(losingAnswers(armed), AggregateRegistry.of(Numbers.type(snapshots)));
        handler.command(actor, "AddNumbers", add("a1", 1, 2));

        armed.set(true);
        CommandResult latest = handler.command(actor, "AddNumbers", add("a1", 3, 4));
        armed.set(true);
        CommandResult guarded = handler.command(actor, "AddNumbers", add("a1", 1, 1).with("expectedVersion", 1));

        assertThat(latest.version()).isEqualTo(1);
        assertThat(latest.state()).isEqualTo(new Numbers.State(10));
        assertThat(guarded.version()).isEqualTo(2);
        assertThat(guarded.state()).isEqualTo(new Numbers.State(12));
        assertThat(envelopes(actor, "a1")).extracting(Envelope::version).containsExactly(0L, 1L, 2L);
    }
}
