package dev.foldline.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aws.LocalDynamoDb;
import dev.foldline.aws.RequestCounter;
import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.errors.TooLarge;
import dev.foldline.examples.Numbers;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.Page;
import dev.foldline.store.StreamSlice;
import dev.foldline.store.contract.Envelopes;
import dev.foldline.store.contract.CommandHandlingContract;
import dev.foldline.store.support.ReadPosition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the DynamoDB store costs in requests, and its limits, measured on the real engine. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbStoreCostAndLimitsTest {

    private static final RequestCounter requests = new RequestCounter();
    private static DynamoDbClient client;
    private static String table;
    private static DynamoDbEventStore store;

    private final String tenant = "t-" + UUID.randomUUID();
    private final Actor actor = Actor.of(tenant, "user1", "user");

    @BeforeAll
    static void setUp() {
        client = LocalDynamoDb.client(requests);
        table = LocalDynamoDb.newTable(client);
        store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(table));
    }

    @BeforeEach
    void resetCounter() {
        requests.reset();
    }

    private static CommandHandler handler() {
        return new CommandHandler(store, AggregateRegistry.of(Numbers.type()));
    }

    @Test
    void an_idempotency_key_costs_no_extra_request_and_its_retry_writes_nothing() {
        CommandHandler warm = handler();
        String id = warm.command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2)).aggregateId();

        requests.reset();
        CommandResult keyed = warm.command(actor, "AddNumbers", CommandHandlingContract.add(id, 3, 4), "key-1");
        assertThat(requests.operations()).as("warm keyed").containsExactly("PutItem");

        requests.reset();
        CommandResult retry = warm.command(actor, "AddNumbers", CommandHandlingContract.add(id, 3, 4), "key-1");
        assertThat(requests.operations()).as("warm retry: the original envelope is read").containsExactly("Query");

        requests.reset();
        CommandResult coldRetry = handler().command(actor, "AddNumbers", CommandHandlingContract.add(id, 3, 4), "key-1");
        assertThat(requests.operations()).as("cold retry").containsExactly("Query", "Query");

        assertThat(List.of(retry, coldRetry)).allSatisfy(r -> {
            assertThat(r.replayed()).isTrue();
            assertThat(r.version()).isEqualTo(keyed.version());
        });
    }

    @Test
    void a_warm_command_costs_one_request_and_a_cold_one_two() {
        CommandHandler warm = handler();
        String id = warm.command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2)).aggregateId();

        requests.reset();
        CommandResult second = warm.command(actor, "AddNumbers", CommandHandlingContract.add(id, 3, 4));
        assertThat(requests.operations()).as("warm").containsExactly("PutItem");

        requests.reset();
        CommandResult third = handler().command(actor, "AddNumbers", CommandHandlingContract.add(id, 1, 1));
        assertThat(requests.operations()).as("cold").containsExactly("Query", "PutItem");

        assertThat(second.version()).isEqualTo(1);
        assertThat(third.version()).isEqualTo(2);
        assertThat(third.state()).isEqualTo(new Numbers.State(12));
    }

    @Test
    void a_new_aggregate_costs_one_request_when_its_id_is_generated() {
        handler().command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2));

        assertThat(requests.operations()).containsExactly("PutItem");
    }

    @Test
    void a_conflict_costs_one_read_before_the_retry() {
        CommandHandler stale = handler();
        String id = stale.command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2)).aggregateId();
        handler().command(actor, "AddNumbers", CommandHandlingContract.add(id, 10, 10));

        requests.reset();
        CommandResult retried = stale.command(actor, "AddNumbers", CommandHandlingContract.add(id, 1, 1));

        assertThat(requests.operations()).containsExactly("PutItem", "Query", "PutItem");
        assertThat(retried.version()).isEqualTo(2);
        assertThat(retried.state()).isEqualTo(new Numbers.State(25));
    }

    @Test
    void a_versioned_read_is_one_request_from_the_nearest_snapshot_below_the_version() {
        StreamId stream = new StreamId(tenant, "numbers", "history");
        // within the load's first page (10 items) below the version, as with a snapshot every 8 envelopes
        Envelopes.written(store, stream, 120, version -> version % 8 == 0);

        requests.reset();
        StreamSlice slice = store.loadAt(stream, 95);

        assertThat(requests.operations()).containsExactly("Query");
        assertThat(slice.snapshot()).contains(new Snapshot(88, "{\"sum\":88}"));
        assertThat(slice.envelopes()).extracting(Envelope::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(89, 95).boxed().toList());
    }

    @Test
    void a_load_is_one_request_even_with_a_long_history_behind_the_snapshot() {
        StreamId stream = new StreamId(tenant, "numbers", "long");
        for (int version = 0; version < 120; version++) {
            store.append(envelope(stream, version, "x"), version == 110 ? new Snapshot(110, "{\"sum\":110}") : null);
        }

        requests.reset();
        StreamSlice slice = store.load(stream, -1);

        assertThat(requests.operations()).containsExactly("Query");
        assertThat(slice.snapshot()).contains(new Snapshot(110, "{\"sum\":110}"));
        assertThat(slice.envelopes()).extracting(Envelope::version)
                .containsExactly(111L, 112L, 113L, 114L, 115L, 116L, 117L, 118L, 119L);
    }

    @Test
    void an_envelope_over_the_item_limit_is_too_large_and_nothing_is_written() {
        StreamId stream = new StreamId(tenant, "numbers", "huge");

        assertThatThrownBy(() -> store.append(envelope(stream, 0, "x".repeat(410 * 1024)), null))
                .isInstanceOf(TooLarge.class);

        assertThat(requests.operations()).isEmpty();
        assertThat(store.load(stream, -1).envelopes()).isEmpty();
    }

    @Test
    void an_envelope_just_under_the_limit_is_written() {
        StreamId stream = new StreamId(tenant, "numbers", "big");

        assertThat(store.append(envelope(stream, 0, "x".repeat(390 * 1024)), null)).isEqualTo(AppendResult.COMMITTED);
        assertThat(store.load(stream, -1).envelopes()).hasSize(1);
    }

    @Test
    void a_snapshot_that_would_overflow_the_item_is_left_out_with_a_warning_and_the_envelope_kept() {
        StreamId stream = new StreamId(tenant, "numbers", "bigstate");
        Snapshot hugeState = new Snapshot(0, "{\"s\":\"" + "y".repeat(300 * 1024) + "\"}");
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(DynamoDbEventStore.class.getName());
        logger.addHandler(capture);
        try {
            assertThat(store.append(envelope(stream, 0, "x".repeat(200 * 1024)), hugeState))
                    .isEqualTo(AppendResult.COMMITTED);
        } finally {
            logger.removeHandler(capture);
        }

        StreamSlice slice = store.load(stream, -1);
        assertThat(slice.snapshot()).isEmpty();
        assertThat(slice.envelopes()).hasSize(1);
        assertThat(warnings).anySatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).contains(stream.toString()).contains("left out");
        });
    }

    @Test
    void too_large_maps_to_413_and_the_aggregate_stays_new() {
        CommandHandler handler = handler();
        Envelope big = envelope(new StreamId(tenant, "numbers", "big-cmd"), 0, "p".repeat(401 * 1024));
        assertThatThrownBy(() -> store.append(big, null)).isInstanceOf(TooLarge.class)
                .satisfies(e -> assertThat(((TooLarge) e).kind().httpStatus()).isEqualTo(413));
        assertThat(handler.load(tenant, Numbers.type(), "big-cmd").version()).isEqualTo(-1);
    }

    @Test
    void a_reader_tailing_inside_the_settle_window_gets_only_new_envelopes_and_never_stalls() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T12:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        DynamoDbEventStore reader = new DynamoDbEventStore(client,
                DynamoDbStoreOptions.defaults(table).withClock(clock).withSettleWindow(Duration.ofMinutes(5)));
        StreamId stream = new StreamId(tenant, "numbers", "tail");
        for (int version = 0; version < 10; version++) {
            store.append(envelope(stream, version, Instant.parse("2026-06-01T11:59:00Z").plusMillis(version)), null);
        }

        String position = null;
        int delivered = 0;
        for (int pages = 0; pages < 10; pages++) {
            Page page = reader.readAll(tenant, position, 3);
            delivered += page.envelopes().size();
            position = page.nextPosition();
            if (!page.more()) {
                break;
            }
        }
        assertThat(delivered).isEqualTo(10);

        // Everything is inside the window and already delivered: an empty last page, at once.
        requests.reset();
        Page again = reader.readAll(tenant, position, 3);
        assertThat(again.envelopes()).isEmpty();
        assertThat(again.more()).isFalse();
        assertThat(requests.operations()).containsExactly("Query");

        // A late commit stamped before everything read so far is still found.
        store.append(envelope(new StreamId(tenant, "numbers", "late"), 0, Instant.parse("2026-06-01T11:58:00Z")), null);
        Page late = reader.readAll(tenant, again.nextPosition(), 3);
        assertThat(late.envelopes()).extracting(e -> e.stream().aggregateId()).containsExactly("late");

        // Once the window has passed, the position forgets the delivered keys: it stays small.
        now.set(Instant.parse("2026-06-01T13:00:00Z"));
        Page settled = reader.readAll(tenant, late.nextPosition(), 3);
        assertThat(settled.envelopes()).isEmpty();
        assertThat(ReadPosition.decode(settled.nextPosition()).delivered()).isEmpty();
        assertThat(settled.nextPosition().length()).isLessThan(60);
    }

    @Test
    void a_position_that_is_not_one_of_this_store_is_an_invalid_argument() {
        assertThatThrownBy(() -> store.readAll(tenant, "garbage", 10))
                .isInstanceOf(dev.foldline.errors.InvalidArgument.class);
    }

    private Envelope envelope(StreamId stream, long version, String padding) {
        return new Envelope(stream, version, "Do", actor,
                List.of(Event.of("Happened", Payload.empty().with("padding", padding))),
                Instant.now());
    }

    private Envelope envelope(StreamId stream, long version, Instant committedAt) {
        return new Envelope(stream, version, "Do", actor, List.of(Event.of("Happened", Payload.empty())),
                committedAt);
    }
}
