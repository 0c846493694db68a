package dev.foldline.azure.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.ThrottlingRetryOptions;
import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.azure.CosmosImitation;
import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.errors.TooLarge;
import dev.foldline.errors.Unavailable;
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
import dev.foldline.store.contract.CommandHandlingContract;
import dev.foldline.store.contract.MutableClock;
import dev.foldline.store.support.ReadPosition;
import dev.foldline.trace.Tracer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Cosmos store costs in requests (counted by the imitation, retries included) and its
 * limits. The client is warmed up first: its one-off metadata reads and query-plan fetches belong
 * to the process, not to a command.
 */
@ExtendWith(CosmosImitation.class)
class CosmosStoreCostAndLimitsTest {

    private static final List<Tracer.Span> spans = new CopyOnWriteArrayList<>();
    private static CosmosStoreOptions options;
    private static CosmosEventStore store;

    private final String tenant = "t-" + UUID.randomUUID();
    private final Actor actor = Actor.of(tenant, "user1", "user");

    @BeforeAll
    static void setUp() {
        options = CosmosStoreOptions.defaults("cost-" + UUID.randomUUID());
        CosmosContainers.createIfMissing(CosmosImitation.client(), options);
        store = new CosmosEventStore(CosmosImitation.client(), options, spans::add);
        CommandHandler warmUp = handler();
        String id = warmUp.command(Actor.of("warm-up", "u", "user"), "AddNumbers", CommandHandlingContract.add(null, 1, 2))
                .aggregateId();
        handler().command(Actor.of("warm-up", "u", "user"), "AddNumbers", CommandHandlingContract.add(id, 1, 2));
        StreamId warmStream = new StreamId("warm-up", "numbers", id);
        store.read(warmStream, 0, 10);
        store.load(warmStream, 0);
    }

    @BeforeEach
    void resetCounts() {
        CosmosImitation.takeRequests();
        spans.clear();
    }

    private static CommandHandler handler() {
        return new CommandHandler(store, AggregateRegistry.of(Numbers.type()));
    }

    @Test
    void a_warm_command_costs_one_request_and_a_cold_one_a_query_and_the_write() {
        CommandHandler warm = handler();
        String id = warm.command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2)).aggregateId();

        CosmosImitation.takeRequests();
        CommandResult second = warm.command(actor, "AddNumbers", CommandHandlingContract.add(id, 3, 4));
        assertThat(CosmosImitation.takeRequests()).as("warm").containsExactly("create");

        CommandResult third = handler().command(actor, "AddNumbers", CommandHandlingContract.add(id, 1, 1));
        assertThat(CosmosImitation.takeRequests()).as("cold").containsExactly("query", "create");

        assertThat(second.version()).isEqualTo(1);
        assertThat(third.version()).isEqualTo(2);
        assertThat(third.state()).isEqualTo(new Numbers.State(12));
    }

    @Test
    void a_new_aggregate_costs_one_request_when_its_id_is_generated() {
        handler().command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2));

        assertThat(CosmosImitation.takeRequests()).containsExactly("create");
    }

    @Test
    void a_conflict_costs_one_catch_up_query_before_the_retried_create() {
        CommandHandler stale = handler();
        String id = stale.command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2)).aggregateId();
        handler().command(actor, "AddNumbers", CommandHandlingContract.add(id, 10, 10));

        CosmosImitation.takeRequests();
        CommandResult retried = stale.command(actor, "AddNumbers", CommandHandlingContract.add(id, 1, 1));

        assertThat(CosmosImitation.takeRequests()).containsExactly("create", "query", "create");
        assertThat(retried.version()).isEqualTo(2);
        assertThat(retried.state()).isEqualTo(new Numbers.State(25));
    }

    @Test
    void a_snapshot_rides_in_the_envelopes_document() {
        StreamId stream = new StreamId(tenant, "numbers", "snap");
        store.append(envelope(stream, 0, "x"), null);
        CosmosImitation.takeRequests();

        assertThat(store.append(envelope(stream, 1, "x"), new Snapshot(1, "{\"sum\":1}"))).isEqualTo(AppendResult.COMMITTED);

        assertThat(CosmosImitation.takeRequests()).containsExactly("create");
        assertThat(store.load(stream, -1).snapshot()).contains(new Snapshot(1, "{\"sum\":1}"));
    }

    @Test
    void a_cold_load_of_a_stream_that_fits_in_a_window_is_one_query_from_the_newest_snapshot_on() {
        StreamId stream = written("short", 60, version -> version % 25 == 5);

        StreamSlice slice = store.load(stream, -1);

        assertThat(CosmosImitation.takeRequests()).containsExactly("query");
        assertThat(slice.snapshot()).contains(snapshot(55));
        assertThat(slice.envelopes()).extracting(Envelope::version).containsExactlyElementsOf(versions(56, 60));
    }

    @Test
    void a_versioned_read_is_one_query_from_the_nearest_snapshot_below_the_version() {
        StreamId stream = written("history", 150, version -> version % 40 == 0);

        StreamSlice slice = store.loadAt(stream, 95);

        assertThat(CosmosImitation.takeRequests()).as("no query plan is asked for").containsExactly("query");
        assertThat(slice.snapshot()).contains(snapshot(80));
        assertThat(slice.envelopes()).extracting(Envelope::version).containsExactlyElementsOf(versions(81, 96));
    }

    @Test
    void a_cold_load_of_a_longer_stream_reads_the_newest_first_down_to_the_newest_snapshot() {
        StreamId stream = written("long", 150, version -> version == 140);

        StreamSlice slice = store.load(stream, -1);

        assertThat(CosmosImitation.takeRequests()).as("no query plan is asked for").containsExactly("query");
        assertThat(slice.snapshot()).contains(snapshot(140));
        assertThat(slice.envelopes()).extracting(Envelope::version).containsExactlyElementsOf(versions(141, 150));
    }

    @Test
    void a_cold_load_reads_older_versions_newest_first_when_the_newest_hold_no_snapshot() {
        StreamId stream = written("long-old-snapshot", 230, version -> version == 110);

        StreamSlice slice = store.load(stream, -1);

        // the newest 100 (TOP), then the older ones page by page: the SDK fetches the next page ahead
        assertThat(CosmosImitation.takeRequests()).containsExactly("query", "query", "query");
        assertThat(slice.snapshot()).contains(snapshot(110));
        assertThat(slice.envelopes()).extracting(Envelope::version).containsExactlyElementsOf(versions(111, 230));
    }

    @Test
    void a_long_stream_without_a_snapshot_is_read_whole_in_order_and_a_long_catch_up_window_by_window() {
        StreamId stream = written("long-plain", 230, version -> false);

        StreamSlice slice = store.load(stream, -1);
        CosmosImitation.takeRequests();
        StreamSlice tail = store.load(stream, 5);

        assertThat(slice.snapshot()).isEmpty();
        assertThat(slice.envelopes()).extracting(Envelope::version).containsExactlyElementsOf(versions(0, 230));
        assertThat(CosmosImitation.takeRequests()).containsExactly("query", "query", "query");
        assertThat(tail.envelopes()).extracting(Envelope::version).containsExactlyElementsOf(versions(6, 230));
    }

    /** A stream of {@code count} envelopes with a snapshot where asked; the requests it took forgotten. */
    private StreamId written(String id, int count, LongPredicate snapshotAt) {
        StreamId stream = new StreamId(tenant, "numbers", id);
        for (long version = 0; version < count; version++) {
            store.append(envelope(stream, version, "x"), snapshotAt.test(version) ? snapshot(version) : null);
        }
        CosmosImitation.takeRequests();
        return stream;
    }

    private static Snapshot snapshot(long version) {
        return new Snapshot(version, "{\"sum\":" + version + "}");
    }

    private static List<Long> versions(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    void the_tracer_gets_the_request_charge_of_every_commit_and_load() {
        StreamId stream = new StreamId(tenant, "numbers", "traced");
        store.append(envelope(stream, 0, "x"), null);
        store.load(stream, -1);

        assertThat(spans).extracting(Tracer.Span::operation).containsExactly(Tracer.Operation.COMMIT, Tracer.Operation.LOAD);
        assertThat(spans).allSatisfy(span -> {
            assertThat(span.tenant()).isEqualTo(tenant);
            assertThat(span.detail()).matches(".* RU=\\d+(\\.\\d+)?");
        });
    }

    @Test
    void an_envelope_over_the_item_limit_is_too_large_and_nothing_is_sent() {
        StreamId stream = new StreamId(tenant, "numbers", "huge");

        assertThatThrownBy(() -> store.append(envelope(stream, 0, "x".repeat(2 * 1024 * 1024)), null))
                .isInstanceOfSatisfying(TooLarge.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(413));

        assertThat(CosmosImitation.takeRequests()).isEmpty();
        assertThat(store.load(stream, -1).envelopes()).isEmpty();
    }

    @Test
    void an_envelope_just_under_the_limit_is_written() {
        StreamId stream = new StreamId(tenant, "numbers", "big");

        assertThat(store.append(envelope(stream, 0, "x".repeat(1900 * 1024)), null)).isEqualTo(AppendResult.COMMITTED);
        assertThat(store.load(stream, -1).envelopes()).hasSize(1);
    }

    @Test
    void a_snapshot_that_would_overflow_the_document_is_dropped_and_the_envelope_kept() {
        StreamId stream = new StreamId(tenant, "numbers", "bigstate");
        Snapshot hugeState = new Snapshot(0, "{\"s\":\"" + "y".repeat(1200 * 1024) + "\"}");

        assertThat(store.append(envelope(stream, 0, "x".repeat(1000 * 1024)), hugeState)).isEqualTo(AppendResult.COMMITTED);

        StreamSlice slice = store.load(stream, -1);
        assertThat(slice.snapshot()).isEmpty();
        assertThat(slice.envelopes()).hasSize(1);
    }

    @Test
    void a_reader_tailing_inside_the_settle_window_gets_only_new_envelopes_and_never_stalls() {
        MutableClock now = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
        CosmosEventStore reader = new CosmosEventStore(CosmosImitation.client(),
                options.withClock(now).withSettleWindow(Duration.ofMinutes(5)), Tracer.NOOP);
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

        Page again = reader.readAll(tenant, position, 3);
        assertThat(again.envelopes()).isEmpty();
        assertThat(again.more()).isFalse();

        // A late commit stamped before everything read so far is still found.
        store.append(envelope(new StreamId(tenant, "numbers", "late"), 0, Instant.parse("2026-06-01T11:58:00Z")), null);
        Page late = reader.readAll(tenant, again.nextPosition(), 3);
        assertThat(late.envelopes()).extracting(e -> e.stream().aggregateId()).containsExactly("late");

        // Once the window has passed, the position forgets the delivered keys: it stays small.
        now.advance(Duration.ofHours(1));
        Page settled = reader.readAll(tenant, late.nextPosition(), 3);
        assertThat(settled.envelopes()).isEmpty();
        assertThat(ReadPosition.decode(settled.nextPosition()).delivered()).isEmpty();
    }

    @Test
    void a_throttled_write_is_retried_after_the_servers_retry_after_and_commits_once() {
        StreamId stream = new StreamId(tenant, "numbers", "throttled");
        CosmosImitation.throttle(2, 10);

        assertThat(store.append(envelope(stream, 0, "x"), null)).isEqualTo(AppendResult.COMMITTED);

        assertThat(CosmosImitation.takeRequests()).containsExactly("create", "create", "create");
        assertThat(store.load(stream, -1).envelopes()).hasSize(1);
    }

    @Test
    void throttling_beyond_the_clients_retries_is_unavailable_with_a_retry_after_and_writes_nothing() {
        CosmosClient impatient = CosmosImitation.builder()
                .throttlingRetryOptions(new ThrottlingRetryOptions().setMaxRetryAttemptsOnThrottledRequests(1))
                .buildClient();
        try {
            CosmosEventStore throttled = new CosmosEventStore(impatient, options, Tracer.NOOP);
            StreamId stream = new StreamId(tenant, "numbers", "throttled-out");
            CosmosImitation.throttle(5, 1100);

            assertThatThrownBy(() -> throttled.append(envelope(stream, 0, "x"), null))
                    .isInstanceOfSatisfying(Unavailable.class, e -> {
                        assertThat(e.kind().httpStatus()).isEqualTo(503);
                        assertThat(e.retryAfterHeader()).isEqualTo("2");
                    });
            CosmosImitation.throttle(0, 0);
            assertThat(store.load(stream, -1).envelopes()).isEmpty();
        } finally {
            CosmosImitation.throttle(0, 0);
            impatient.close();
        }
    }

    @Test
    void a_position_that_is_not_one_of_this_store_is_an_invalid_argument() {
        assertThatThrownBy(() -> store.readAll(tenant, "garbage", 10)).isInstanceOf(InvalidArgument.class);
    }

    private Envelope envelope(StreamId stream, long version, String padding) {
        return new Envelope(stream, version, "Do", actor,
                List.of(Event.of("Happened", Payload.empty().with("padding", padding))), Instant.now());
    }

    private Envelope envelope(StreamId stream, long version, Instant committedAt) {
        return new Envelope(stream, version, "Do", actor, List.of(Event.of("Happened", Payload.empty())), committedAt);
    }
}
