package dev.foldline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.errors.FoldlineException;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.errors.MissingArgument;
import dev.foldline.errors.NotImplemented;
import dev.foldline.errors.PreconditionFailed;
import dev.foldline.examples.Examples;
import dev.foldline.examples.Numbers;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.StreamId;
import dev.foldline.store.MemoryEventStore;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The original's error scenarios, and the errors Java can still meet at run time. */
class CommandErrorsTest {

    private final MemoryEventStore store = new MemoryEventStore();
    private final CommandHandler handler = new CommandHandler(store, Examples.registry());
    private final Actor actor = Actor.of("tenant1", "user1");

    private static Payload json(String text) {
        return Payload.parse(text);
    }

    @Test
    void a_missing_actor_is_a_missing_argument_naming_actor() {
        assertThatThrownBy(() -> handler.command(null, "AddNumbers", json("{}")))
                .isInstanceOf(MissingArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("actor"));
    }

    @Test
    void an_actor_without_id_is_a_missing_argument_naming_id() {
        assertThatThrownBy(() -> new Actor("tenant1", null, Set.of(), Map.of()))
                .isInstanceOf(MissingArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("id"));
    }

    @Test
    void an_actor_without_tenant_is_a_missing_argument_naming_tenant() {
        assertThatThrownBy(() -> new Actor(" ", "user1", Set.of(), Map.of()))
                .isInstanceOf(MissingArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("tenant"));
    }

    @Test
    void a_missing_command_name_is_a_missing_argument_naming_command() {
        assertThatThrownBy(() -> handler.command(actor, null, json("{}")))
                .isInstanceOf(MissingArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("command"));
    }

    @Test
    void an_unknown_command_is_an_invalid_argument_naming_command() {
        assertThatThrownBy(() -> handler.command(actor, "abc", json("{}")))
                .isInstanceOf(InvalidArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("command"));
    }

    @Test
    void an_expected_version_without_an_aggregate_id_is_a_missing_argument_naming_aggregate_id() {
        assertThatThrownBy(() -> handler.command(actor, "AddNumbers",
                json("{\"expectedVersion\":1,\"number1\":1,\"number2\":2}")))
                .isInstanceOf(MissingArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("aggregateId"));
    }

    @Test
    void add_numbers_without_payload_is_an_invalid_argument_naming_number1_and_writes_nothing() {
        assertThatThrownBy(() -> handler.command(actor, "AddNumbers", json("{\"aggregateId\":\"x\"}")))
                .isInstanceOf(InvalidArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("number1"));
        assertThat(store.read(new StreamId("tenant1", Numbers.NAME, "x"), 0, 10)).isEmpty();
    }

    @Test
    void a_fractional_number_is_an_invalid_argument_naming_it() {
        assertThatThrownBy(() -> handler.command(actor, "AddNumbers", json("{\"number1\":1,\"number2\":2.5}")))
                .isInstanceOf(InvalidArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("number2"));
    }

    @Test
    void malformed_aggregate_id_and_expected_version_are_invalid_arguments_naming_them() {
        assertThatThrownBy(() -> handler.command(actor, "AddNumbers", json("{\"aggregateId\":7}")))
                .isInstanceOf(InvalidArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("aggregateId"));
        assertThatThrownBy(() -> handler.command(actor, "AddNumbers",
                json("{\"aggregateId\":\"a\",\"expectedVersion\":\"1\"}")))
                .isInstanceOf(InvalidArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("expectedVersion"));
        assertThatThrownBy(() -> handler.command(actor, "AddNumbers",
                json("{\"aggregateId\":\"a\",\"expectedVersion\":-2}")))
                .isInstanceOf(InvalidArgument.class);
    }

    @Test
    void a_failing_domain_rule_is_a_precondition_error_with_its_message() {
        AggregateType<Integer> rule = AggregateType.named("rule", Integer.class, () -> 0)
                .command("Compare", context -> {
                    if (context.payload().requireInt("a") <= context.payload().requireInt("b")) {
                        throw new PreconditionFailed("a must be greater than b");
                    }
                    context.push("Compared");
                })
                .event("Compared", (state, event) -> state + 1)
                .build();
        CommandHandler ruled = new CommandHandler(store, AggregateRegistry.of(rule));

        assertThatThrownBy(() -> ruled.command(actor, "Compare", json("{\"a\":1,\"b\":2}")))
                .isInstanceOf(PreconditionFailed.class)
                .hasMessage("a must be greater than b");
        assertThat(ruled.command(actor, "Compare", json("{\"a\":3,\"b\":2}")).version()).isEqualTo(0);
    }

    @Test
    void an_aggregate_type_without_commands_is_not_implemented() {
        assertThatThrownBy(() -> AggregateType.named("empty", Integer.class, () -> 0).build())
                .isInstanceOf(NotImplemented.class)
                .hasMessageContaining("no commands");
    }

    @Test
    void pushing_an_event_without_an_applier_is_not_implemented_and_writes_nothing() {
        AggregateType<Integer> broken = AggregateType.named("broken", Integer.class, () -> 0)
                .command("Break", context -> context.push("Unknown"))
                .build();
        CommandHandler brokenHandler = new CommandHandler(store, AggregateRegistry.of(broken));

        assertThatThrownBy(() -> brokenHandler.command(actor, "Break", json("{\"aggregateId\":\"b\"}")))
                .isInstanceOf(NotImplemented.class)
                .hasMessageContaining("Unknown");
        assertThat(store.read(new StreamId("tenant1", "broken", "b"), 0, 10)).isEmpty();
    }

    @Test
    void a_failing_applier_rejects_the_command_before_anything_is_written() {
        assertThatThrownBy(() -> handler.command(actor, "PressEquals", json("{\"aggregateId\":\"calc\"}")))
                .isInstanceOf(PreconditionFailed.class)
                .hasMessage("missing right side");
        assertThat(store.read(new StreamId("tenant1", "calculator", "calc"), 0, 10)).isEmpty();
    }

    @Test
    void dividing_by_zero_on_the_calculator_is_a_precondition_failure() {
        handler.command(actor, "PressDigit", json("{\"aggregateId\":\"div\",\"digit\":\"1\"}"));
        handler.command(actor, "PressOperator", json("{\"aggregateId\":\"div\",\"operator\":\"/\"}"));
        handler.command(actor, "PressDigit", json("{\"aggregateId\":\"div\",\"digit\":\"0\"}"));

        assertThatThrownBy(() -> handler.command(actor, "PressEquals", json("{\"aggregateId\":\"div\"}")))
                .isInstanceOf(PreconditionFailed.class)
                .hasMessage("cannot divide by zero");
        assertThat(store.read(new StreamId("tenant1", "calculator", "div"), 0, 10)).hasSize(3);
    }

    @Test
    void two_aggregate_types_declaring_one_command_name_fail_at_startup() {
        assertThatThrownBy(() -> AggregateRegistry.of(Numbers.type(), Numbers.type()))
                .isInstanceOf(IllegalStateException.class);
        AggregateType<Integer> clash = AggregateType.named("clash", Integer.class, () -> 0)
                .command("AddNumbers", context -> { })
                .build();
        assertThatThrownBy(() -> AggregateRegistry.of(Numbers.type(), clash))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AddNumbers")
                .hasMessageContaining("numbers")
                .hasMessageContaining("clash");
    }

    @Test
    void a_command_needing_a_role_the_actor_lacks_is_forbidden() {
        AggregateType<Integer> guarded = AggregateType.named("guarded", Integer.class, () -> 0)
                .command("Approve", Set.of("manager"), context -> context.push("Approved"))
                .event("Approved", (state, event) -> state + 1)
                .build();
        CommandHandler guardedHandler = new CommandHandler(store, AggregateRegistry.of(guarded));

        assertThatThrownBy(() -> guardedHandler.command(actor, "Approve", json("{}")))
                .isInstanceOf(dev.foldline.errors.Forbidden.class);
        assertThat(guardedHandler.command(Actor.of("tenant1", "boss", "manager"), "Approve", json("{}")).version())
                .isZero();
    }
}
