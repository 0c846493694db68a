package dev.foldline.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.foldline.aggregate.Aggregate;
import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.errors.ConcurrencyConflict;
import dev.foldline.examples.Calculator;
import dev.foldline.examples.EventCounter;
import dev.foldline.examples.Examples;
import dev.foldline.examples.Numbers;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.projection.EventHandler;
import dev.foldline.projection.PollReader;
import dev.foldline.projection.PollResult;
import dev.foldline.projection.Projector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The original package's scenarios (basic, snapshots, streams, key-press calculator), on this store. */
public interface OriginalScenariosContract extends StoreFixture {

    default Actor actor() {
        return Actor.of(freshTenant(), "user1", "manager", "user");
    }

    static Payload numbers(String id, Long expectedVersion, int a, int b) {
        JsonObject payload = new JsonObject();
        if (id != null) {
            payload.addProperty("aggregateId", id);
        }
        if (expectedVersion != null) {
            payload.addProperty("expectedVersion", expectedVersion);
        }
        payload.addProperty("number1", a);
        payload.addProperty("number2", b);
        return Payload.of(payload);
    }

    /** Polls until the store has nothing more for these handlers on this thread. */
    static void pollToEnd(PollReader reader, String tenant, String thread, List<EventHandler> handlers, int limit) {
        for (int polls = 0; polls < 1_000; polls++) {
            PollResult result = reader.poll(tenant, thread, handlers, limit, Duration.ofMinutes(1));
            assertThat(result.leased()).isTrue();
            assertThat(result.failures()).isEmpty();
            if (!result.more()) {
                return;
            }
        }
        throw new AssertionError("polling never caught up");
    }

    @Test
    default void three_additions_on_one_id_reach_version_2_and_sum_12_and_count_3_events() {
        Actor actor = actor();
        CommandHandler handler = new CommandHandler(store(), Examples.registry());
        CommandResult result = handler.command(actor, "AddNumbers", numbers("calc1", null, 1, 2));
        result = handler.command(actor, "AddNumbers", numbers(result.aggregateId(), null, 3, 4));
        result = handler.command(actor, "AddNumbers", numbers(result.aggregateId(), null, 1, 1));
        EventCounter counter1 = new EventCounter("counter1");
        EventCounter counter2 = new EventCounter("counter2");

        pollToEnd(new PollReader(store(), new Projector(store())), actor.tenant(), "thread1", List.of(counter1, counter2), 10);

        assertThat(result.version()).isEqualTo(2);
        assertThat(result.state()).isEqualTo(new Numbers.State(12));
        assertThat(counter1.count("calc1")).isEqualTo(3);
        assertThat(counter2.count("calc1")).isEqualTo(3);
    }

    @Test
    default void a_command_without_an_id_gets_a_generated_one_that_later_commands_can_expect() {
        Actor actor = actor();
        CommandHandler handler = new CommandHandler(store(), Examples.registry());
        CommandResult first = handler.command(actor, "AddNumbers", numbers(null, null, 1, 2));

        CommandResult second = handler.command(actor, "AddNumbers",
                numbers(first.aggregateId(), first.version(), 3, 4));

        assertThat(first.aggregateId()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(second.version()).isEqualTo(1);
        assertThat(second.state()).isEqualTo(new Numbers.State(10));
    }

    @Test
    default void a_third_command_expecting_version_0_after_two_commands_is_a_concurrency_error() {
        Actor actor = actor();
        CommandHandler handler = new CommandHandler(store(), Examples.registry());
        handler.command(actor, "AddNumbers", numbers("c", null, 1, 2));
        handler.command(actor, "AddNumbers", numbers("c", null, 1, 2));

        assertThatThrownBy(() -> handler.command(actor, "AddNumbers", numbers("c", 0L, 1, 2)))
                .isInstanceOf(ConcurrencyConflict.class);
    }

    @Test
    default void thirteen_commands_each_expecting_the_last_version_reach_version_12_and_sum_13() {
        Actor actor = actor();
        CommandHandler handler = new CommandHandler(store(), Examples.registry());
        CommandResult result = handler.command(actor, "AddNumbers", numbers("c13", null, 0, 1));
        for (int i = 1; i < 13; i++) {
            result = handler.command(actor, "AddNumbers", numbers(result.aggregateId(), result.version(), 0, 1));
        }

        assertThat(result.version()).isEqualTo(12);
        assertThat(result.state()).isEqualTo(new Numbers.State(13));
    }

    @Test
    default void with_snapshots_off_state_is_rebuilt_from_events_and_commands_can_read_other_aggregates() {
        Actor actor = actor();
        AggregateType<Numbers.State> calculator2 = Numbers.type(SnapshotPolicy.never());
        CommandHandler writer = new CommandHandler(store(), AggregateRegistry.of(calculator2));
        CommandResult result = writer.command(actor, "AddNumbers", numbers(null, null, 1, 2));
        result = writer.command(actor, "AddNumbers", numbers(result.aggregateId(), null, 3, 4));
        result = writer.command(actor, "AddNumbers", numbers(result.aggregateId(), null, 1, 1));
        String firstId = result.aggregateId();

        AtomicReference<Aggregate<Numbers.State>> seenInside = new AtomicReference<>();
        AggregateType<Numbers.State> reading = AggregateType.named("reader", Numbers.State.class, () -> new Numbers.State(0))
                .command("ReadOther", context -> seenInside.set(context.load(calculator2, firstId)))
                .build();
        new CommandHandler(store(), AggregateRegistry.of(calculator2, reading))
                .command(actor, "ReadOther", Payload.empty());
        Aggregate<Numbers.State> reloaded = new CommandHandler(store(), AggregateRegistry.of(calculator2))
                .load(actor.tenant(), calculator2, firstId);

        assertThat(firstId).hasSizeGreaterThanOrEqualTo(10);
        assertThat(result.version()).isEqualTo(2);
        assertThat(reloaded.version()).isEqualTo(2);
        assertThat(reloaded.state()).isEqualTo(new Numbers.State(12));
        assertThat(reloaded.snapshotVersion()).isEqualTo(-1);
        assertThat(seenInside.get().version()).isEqualTo(2);
        assertThat(seenInside.get().state().sum()).isEqualTo(12);
    }

    @Test
    default void stream_catch_up_counts_events_per_thread_and_handler_as_the_original_does() {
        String tenant = freshTenant();
        Actor actor = Actor.of(tenant, "user1");
        CommandHandler handler = new CommandHandler(store(), Examples.registry());
        CommandHandler secondHandler = new CommandHandler(store(), Examples.registry());
        PollReader reader = new PollReader(store(), new Projector(store()));
        EventCounter c11 = new EventCounter("c11");
        EventCounter c21 = new EventCounter("c21");
        EventCounter c31 = new EventCounter("c31");
        EventCounter c41 = new EventCounter("c41");
        EventCounter c51 = new EventCounter("c51");
        EventCounter c61 = new EventCounter("c61");
        EventCounter c71 = new EventCounter("c71");
        String id = "streams";
        Runnable command = () -> handler.command(actor, "AddNumbers", numbers(id, null, 1, 1));

        // 1
        command.run(); command.run(); command.run();
        pollToEnd(reader, tenant, "thread-x", List.of(c11), 100);
        assertThat(c11.count(id)).isEqualTo(3);
        command.run(); command.run(); command.run();
        pollToEnd(reader, tenant, "thread-y", List.of(c11, c21), 100);
        assertThat(c11.count(id)).isEqualTo(9);
        assertThat(c21.count(id)).isEqualTo(6);
        // 2
        command.run(); command.run(); command.run();
        pollToEnd(reader, tenant, "thread-x", List.of(c11), 100);
        command.run(); command.run(); command.run();
        pollToEnd(reader, tenant, "thread-y", List.of(c11, c21, c31), 100);
        assertThat(c11.count(id)).isEqualTo(21);
        assertThat(c21.count(id)).isEqualTo(12);
        assertThat(c31.count(id)).isEqualTo(12);
        // 3
        command.run(); command.run();
        pollToEnd(reader, tenant, "thread-1", List.of(c41), 100);
        assertThat(c41.count(id)).isEqualTo(14);
        // 4: the middle command through a second command handler, whose cache is cold
        command.run();
        secondHandler.command(actor, "AddNumbers", numbers(id, null, 1, 1));
        command.run();
        pollToEnd(reader, tenant, "thread-1", List.of(c51), 100);
        pollToEnd(reader, tenant, "thread-2", List.of(c61), 100);
        assertThat(c51.count(id)).isEqualTo(17);
        assertThat(c61.count(id)).isEqualTo(17);
        // 5
        pollToEnd(reader, tenant, "thread-1", List.of(c71), 20);
        command.run();
        pollToEnd(reader, tenant, "thread-1", List.of(c71), 500);
        assertThat(c71.count(id)).isEqualTo(18);
        // 6
        List<EventHandler> all = List.of(c11, c21, c31, c41, c51, c61, c71);
        for (String thread : List.of("thread-1", "thread-2", "thread-x", "thread-y")) {
            pollToEnd(reader, tenant, thread, all, 600);
        }
        for (EventCounter counter : List.of(c11, c21, c31, c41, c51, c61, c71)) {
            assertThat(counter.count(id)).as(counter.name()).isEqualTo(72);
        }
    }

    /** Presses keys on a new calculator, passing the expected version each time. */
    default Calculator.State press(String... keys) {
        Actor actor = actor();
        CommandHandler handler = new CommandHandler(store(), Examples.registry());
        CommandResult result = null;
        for (String key : keys) {
            JsonObject payload = new JsonObject();
            if (result == null) {
                payload.addProperty("aggregateId", "calc-" + actor.tenant());
            } else {
                payload.addProperty("aggregateId", result.aggregateId());
                payload.addProperty("expectedVersion", result.version());
            }
            String command;
            if (key.equals(".")) {
                command = "PressDot";
            } else if (key.equals("=")) {
                command = "PressEquals";
            } else if ("+-*/".contains(key)) {
                command = "PressOperator";
                payload.addProperty("operator", key);
            } else {
                command = "PressDigit";
                payload.addProperty("digit", key);
            }
            result = handler.command(actor, command, Payload.of(payload));
        }
        Calculator.State state = (Calculator.State) result.state();
        Calculator.State reloaded = (Calculator.State) new CommandHandler(store(), Examples.registry())
                .load(actor.tenant(), Calculator.NAME, result.aggregateId()).state();
        assertThat(reloaded).isEqualTo(state);
        return state;
    }

    @Test
    default void the_calculator_computes_1_plus_2_minus_3_times_5_equals_0() {
        assertThat(press("1", "+", "2", "-", "3", "*", "5", "=").result()).isEqualTo(0.0);
    }

    @Test
    default void the_calculator_computes_4_times_4_plus_21_minus_16_times_3_equals_63() {
        assertThat(press("4", "*", "4", "+", "2", "1", "-", "1", "6", "*", "3", "=").result()).isEqualTo(63.0);
    }

    @Test
    default void the_calculator_repeats_the_last_operation_on_equals_to_567() {
        assertThat(press("4", "*", "4", "+", "2", "1", "-", "1", "6", "*", "3", "=", "=", "=").result())
                .isEqualTo(567.0);
    }

    @Test
    default void the_calculator_computes_decimals_to_minus_7_39() {
        double result = press("1", ".", "5", "+", "2", ".", "0", "-", "1", "1", ".", "2", "2", "+", ".", "3", "3", "=")
                .result();
        assertThat(BigDecimal.valueOf(result).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("-7.39");
    }

    @Test
    default void the_calculator_computes_5_23_divided_by_0_33_times_2_exactly() {
        assertThat(press("5", ".", "2", "3", "/", ".", "3", "3", "*", "2", "=").result())
                .isEqualTo(31.6969696969697);
    }
}
