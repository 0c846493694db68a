package dev.foldline.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.errors.ConcurrencyConflict;
import dev.foldline.examples.Numbers;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.StreamId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The core's command handling on this store. */
public interface CommandHandlingContract extends StoreFixture {

    static Payload add(String id, int a, int b) {
        JsonObject payload = new JsonObject();
        if (id != null) {
            payload.addProperty("aggregateId", id);
        }
        payload.addProperty("number1", a);
        payload.addProperty("number2", b);
        return Payload.of(payload);
    }

    default CommandHandler handler(SnapshotPolicy snapshots) {
        return new CommandHandler(store(), AggregateRegistry.of(Numbers.type(snapshots)),
                CommandHandler.Options.defaults().withMaxRetries(100));
    }

    @Test
    default void snapshot_plus_tail_gives_the_same_state_as_a_full_replay() {
        Actor actor = Actor.of(freshTenant(), "user1");
        CommandHandler everyThird = handler(SnapshotPolicy.every(3));
        Random random = new Random(7);
        long expected = 0;
        for (int i = 0; i < 11; i++) {
            int a = random.nextInt(100);
            int b = random.nextInt(100);
            everyThird.command(actor, i % 4 == 3 ? "SubtractNumbers" : "AddNumbers", add("agg", a, b));
            expected += i % 4 == 3 ? -(a + b) : a + b;
        }

        Object fromSnapshot = handler(SnapshotPolicy.every(3)).load(actor.tenant(), Numbers.NAME, "agg").state();
        Object fromEvents = handler(SnapshotPolicy.never()).load(actor.tenant(), Numbers.NAME, "agg").state();

        assertThat(store().load(new StreamId(actor.tenant(), Numbers.NAME, "agg"), -1).snapshot())
                .hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(8));
        assertThat(fromSnapshot).isEqualTo(new Numbers.State(expected)).isEqualTo(fromEvents);
    }

    @Test
    default void a_stale_expected_version_is_rejected_and_nothing_is_written() {
        Actor actor = Actor.of(freshTenant(), "user1");
        CommandHandler handler = handler(SnapshotPolicy.everyCommit());
        handler.command(actor, "AddNumbers", add("agg", 1, 1));
        handler.command(actor, "AddNumbers", add("agg", 1, 1));
        Payload stale = add("agg", 5, 5).with("expectedVersion", 0);

        assertThatThrownBy(() -> handler(SnapshotPolicy.everyCommit()).command(actor, "AddNumbers", stale))
                .isInstanceOf(ConcurrencyConflict.class);

        StreamId stream = new StreamId(actor.tenant(), Numbers.NAME, "agg");
        assertThat(store().load(stream, -1).envelopes()).isEmpty();
        assertThat(store().load(stream, -1).snapshot()).hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(1));
        assertThat(store().read(stream, 0, 10)).hasSize(2);
    }

    @Test
    default void concurrent_commands_without_an_expected_version_all_commit() throws Exception {
        Actor actor = Actor.of(freshTenant(), "user1");
        int clients = 4;
        int perClient = 5;
        Concurrently.run(clients, c -> {
            CommandHandler handler = handler(SnapshotPolicy.every(2));
            for (int i = 0; i < perClient; i++) {
                handler.command(actor, "AddNumbers", add("hot", 1, 0));
            }
        });

        CommandResult latest = handler(SnapshotPolicy.never()).command(actor, "AddNumbers", add("hot", 0, 0));
        assertThat(latest.version()).isEqualTo(clients * perClient);
        assertThat(latest.state()).isEqualTo(new Numbers.State(clients * perClient));
    }
}
