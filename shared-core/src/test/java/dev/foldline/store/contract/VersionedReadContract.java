package dev.foldline.store.contract;

import static dev.foldline.store.contract.CommandHandlingContract.add;
import static dev.foldline.store.contract.Envelopes.versions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.aggregate.Aggregate;
import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Numbers;
import dev.foldline.model.Actor;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.StreamSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The state of an aggregate as of any version: the nearest snapshot at or below it, then the tail. */
public interface VersionedReadContract extends StoreFixture {

    /** Runs {@code commands} AddNumbers of i and 1 on one aggregate; returns the sum after each version. */
    private List<Long> sumsAfterEachVersion(Actor actor, String id, SnapshotPolicy snapshots, int commands) {
        CommandHandler handler = reading(snapshots);
        List<Long> sums = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < commands; i++) {
            handler.command(actor, "AddNumbers", add(id, i, 1));
            sum += i + 1;
            sums.add(sum);
        }
        return sums;
    }

    private CommandHandler reading(SnapshotPolicy snapshots) {
        return new CommandHandler(store(), AggregateRegistry.of(Numbers.type(snapshots)));
    }

    @Test
    default void every_version_reads_back_the_state_it_had_with_snapshots_below_it_or_none() {
        Actor actor = Actor.of(freshTenant(), "user1");
        // Snapshots at versions 2, 5 and 8: versions 0 and 1 have none below them, the others do.
        List<Long> sums = sumsAfterEachVersion(actor, "agg", SnapshotPolicy.every(3), 10);
        CommandHandler reader = reading(SnapshotPolicy.every(3));

        for (long version = 0; version < sums.size(); version++) {
            Optional<Aggregate<Numbers.State>> read = reader.loadAt(actor.tenant(), Numbers.type(), "agg", version);

            long at = version;
            assertThat(read).as("version " + version).hasValueSatisfying(aggregate -> {
                assertThat(aggregate.version()).isEqualTo(at);
                assertThat(aggregate.state()).isEqualTo(new Numbers.State(sums.get((int) at)));
            });
        }
    }

    @Test
    default void a_versioned_read_starts_from_a_snapshot_no_newer_than_the_version_and_joins_up_to_it() {
        String tenant = freshTenant();
        sumsAfterEachVersion(Actor.of(tenant, "user1"), "agg", SnapshotPolicy.every(3), 10);
        StreamId stream = new StreamId(tenant, Numbers.NAME, "agg");

        for (long version = 0; version < 10; version++) {
            StreamSlice slice = store().loadAt(stream, version);

            long from = slice.snapshot().map(Snapshot::version).orElse(-1L);
            assertThat(from).as("snapshot for version " + version).isLessThanOrEqualTo(version);
            assertThat(versions(slice.envelopes())).as("tail for version " + version)
                    .containsExactlyElementsOf(LongStream.rangeClosed(from + 1, version).boxed().toList());
        }
    }

    @Test
    default void the_first_and_the_latest_version_read_like_a_replay_and_a_load() {
        Actor actor = Actor.of(freshTenant(), "user1");
        List<Long> sums = sumsAfterEachVersion(actor, "agg", SnapshotPolicy.everyCommit(), 4);
        CommandHandler reader = reading(SnapshotPolicy.everyCommit());

        Aggregate<Numbers.State> first = reader.loadAt(actor.tenant(), Numbers.type(), "agg", 0).orElseThrow();
        Aggregate<Numbers.State> latest = reader.loadAt(actor.tenant(), Numbers.type(), "agg", 3).orElseThrow();

        assertThat(first.state()).isEqualTo(new Numbers.State(sums.get(0)));
        assertThat(latest.state()).isEqualTo(reader.load(actor.tenant(), Numbers.type(), "agg").state())
                .isEqualTo(new Numbers.State(sums.get(3)));
    }

    @Test
    default void without_any_snapshot_a_versioned_read_replays_the_envelopes_up_to_it() {
        Actor actor = Actor.of(freshTenant(), "user1");
        List<Long> sums = sumsAfterEachVersion(actor, "agg", SnapshotPolicy.never(), 5);

        Aggregate<Numbers.State> read = reading(SnapshotPolicy.never())
                .loadAt(actor.tenant(), Numbers.type(), "agg", 2).orElseThrow();

        assertThat(read.version()).isEqualTo(2);
        assertThat(read.state()).isEqualTo(new Numbers.State(sums.get(2)));
        assertThat(store().loadAt(new StreamId(actor.tenant(), Numbers.NAME, "agg"), 2).snapshot()).isEmpty();
    }

    @Test
    default void a_version_beyond_the_latest_or_of_a_stream_never_written_reads_nothing() {
        Actor actor = Actor.of(freshTenant(), "user1");
        sumsAfterEachVersion(actor, "agg", SnapshotPolicy.everyCommit(), 3);
        CommandHandler reader = reading(SnapshotPolicy.everyCommit());

        assertThat(reader.loadAt(actor.tenant(), Numbers.type(), "agg", 3)).isEmpty();
        assertThat(reader.loadAt(actor.tenant(), Numbers.type(), "agg", 1_000)).isEmpty();
        assertThat(reader.loadAt(actor.tenant(), Numbers.type(), "never-written", 0)).isEmpty();
        assertThat(reader.loadAt(freshTenant(), Numbers.type(), "agg", 0)).as("another tenant's").isEmpty();
    }
}
