package dev.foldline.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.foldline.examples.Examples;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.store.MemoryEventStore;
import dev.foldline.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many store calls a command costs: the physical price of the hot path. */
class CommandRoundTripsTest {

    private final MemoryEventStore memory = new MemoryEventStore();
    private final CountingStore store = new CountingStore(memory);
    private final Actor actor = Actor.of("tenant1", "user1");

    private static Payload add(String body) {
        return Payload.parse(body);
    }

    @Test
    void a_command_on_a_cached_aggregate_costs_one_append() {
        CommandHandler handler = new CommandHandler(store, Examples.registry());
        handler.command(actor, "AddNumbers", add("{\"aggregateId\":\"a\",\"number1\":1,\"number2\":2}"));
        store.calls.clear();

        handler.command(actor, "AddNumbers", add("{\"aggregateId\":\"a\",\"number1\":1,\"number2\":2}"));
        handler.command(actor, "AddNumbers", add("{\"aggregateId\":\"a\",\"expectedVersion\":1,\"number1\":1,\"number2\":2}"));

        assertThat(store.calls).containsExactly("append", "append");
    }

    @Test
    void a_command_on_an_uncached_aggregate_costs_one_load_and_one_append() {
        new CommandHandler(memory, Examples.registry())
                .command(actor, "AddNumbers", add("{\"aggregateId\":\"a\",\"number1\":1,\"number2\":2}"));

        new CommandHandler(store, Examples.registry())
                .command(actor, "AddNumbers", add("{\"aggregateId\":\"a\",\"number1\":1,\"number2\":2}"));

        assertThat(store.calls).containsExactly("load", "append");
    }

    @Test
    void a_new_aggregate_with_a_generated_id_costs_one_append() {
        new CommandHandler(store, Examples.registry())
                .command(actor, "AddNumbers", add("{\"number1\":1,\"number2\":2}"));

        assertThat(store.calls).containsExactly("append");
    }

    @Test
    void a_stale_cache_costs_one_catch_up_load_before_the_retry() {
        CommandHandler stale = new CommandHandler(store, Examples.registry());
        stale.command(actor, "AddNumbers", add("{\"aggregateId\":\"a\",\"number1\":1,\"number2\":2}"));
        new CommandHandler(memory, Examples.registry())
                .command(actor, "AddNumbers", add("{\"aggregateId\":\"a\",\"number1\":1,\"number2\":2}"));
        store.calls.clear();

        CommandResult result = stale.command(actor, "AddNumbers", add("{\"aggregateId\":\"a\",\"number1\":1,\"number2\":2}"));

        assertThat(store.calls).containsExactly("conflict", "load", "append");
        assertThat(result.version()).isEqualTo(2);
        assertThat(result.state()).hasToString("State[sum=9]");
    }

    @Test
    void the_tracer_sees_commands_loads_and_commits() {
        List<Tracer.Span> spans = new ArrayList<>();
        CommandHandler handler = new CommandHandler(store, Examples.registry(),
                CommandHandler.Options.defaults().withTracer(spans::add));

        handler.command(actor, "AddNumbers", add("{\"aggregateId\":\"a\",\"number1\":1,\"number2\":2}"));

        assertThat(spans).extracting(Tracer.Span::operation)
                .containsExactly(Tracer.Operation.LOAD, Tracer.Operation.COMMIT, Tracer.Operation.COMMAND);
        assertThat(spans.get(2).subject()).isEqualTo("tenant1/numbers/a");
        assertThat(spans.get(2).detail()).isEqualTo("AddNumbers");
        assertThat(spans).allSatisfy(span -> assertThat(span.error()).isNull());
    }

    @Test
    void a_command_that_pushes_no_event_writes_nothing() {
        var type = dev.foldline.aggregate.AggregateType.named("noop", Integer.class, () -> 0)
                .command("Nothing", context -> { })
                .build();
        CommandHandler handler = new CommandHandler(store, dev.foldline.aggregate.AggregateRegistry.of(type));

        CommandResult result = handler.command(actor, "Nothing", add("{\"aggregateId\":\"n\"}"));

        assertThat(result.envelope()).isEmpty();
        assertThat(result.version()).isEqualTo(-1);
        assertThat(store.calls).containsExactly("load");
    }
}
