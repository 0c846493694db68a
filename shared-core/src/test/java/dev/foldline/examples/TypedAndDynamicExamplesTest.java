package dev.foldline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.command.CommandHandler;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.MemoryEventStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The typed examples store exactly what their Payload versions stored, so ledgers written before
 * the examples became typed still load, and either calculator reads the other's.
 */
class TypedAndDynamicExamplesTest {

    private static final List<String> KEYS = List.of("1", "2", ".", "5", "+", "3", "=", "=", "*", "2", "-", "0", ".", "5", "=");
    private final Actor actor = Actor.of("tenant1", "user1");

    private List<Envelope> press(AggregateType<Calculator.State> calculator, MemoryEventStore store) {
        CommandHandler handler = new CommandHandler(store, AggregateRegistry.of(calculator));
        for (String key : KEYS) {
            Payload body = Payload.empty().with("aggregateId", "calc");
            switch (key) {
                case "." -> handler.command(actor, "PressDot", body);
                case "=" -> handler.command(actor, "PressEquals", body);
                case "+", "-", "*", "/" -> handler.command(actor, "PressOperator", body.with("operator", key));
                default -> handler.command(actor, "PressDigit", body.with("digit", key));
            }
        }
        return store.read(new StreamId(actor.tenant(), Calculator.NAME, "calc"), 0, 100);
    }

    /** What a stored envelope says, without the parts that differ per run (time, attempt id). */
    private static List<String> ledger(List<Envelope> envelopes) {
        return envelopes.stream().map(envelope -> envelope.version() + " " + envelope.command() + " "
                + envelope.events().stream().map(event -> EnvelopeCodec.eventToJson(event).toString()).toList()).toList();
    }

    @Test
    void the_typed_and_dynamic_calculators_write_identical_envelopes_for_the_same_key_presses() {
        MemoryEventStore typedStore = new MemoryEventStore();
        MemoryEventStore dynamicStore = new MemoryEventStore();

        List<String> typed = ledger(press(Calculator.type(), typedStore));
        List<String> dynamic = ledger(press(DynamicCalculator.type(), dynamicStore));

        assertThat(typed).hasSize(KEYS.size()).isEqualTo(dynamic);
        assertThat(typed.get(0)).isEqualTo("0 PressDigit [{\"name\":\"DigitPressed\",\"payload\":{\"digit\":\"1\"},\"schemaVersion\":1}]");
        assertThat(typed.get(2)).isEqualTo("2 PressDot [{\"name\":\"DotPressed\",\"payload\":{},\"schemaVersion\":1}]");
        assertThat(typedStore.load(new StreamId(actor.tenant(), Calculator.NAME, "calc"), -1).snapshot().orElseThrow().stateJson())
                .isEqualTo(dynamicStore.load(new StreamId(actor.tenant(), Calculator.NAME, "calc"), -1).snapshot().orElseThrow().stateJson());
    }

    @Test
    void each_calculator_loads_the_ledger_the_other_wrote_to_the_same_state() {
        MemoryEventStore typedStore = new MemoryEventStore();
        MemoryEventStore dynamicStore = new MemoryEventStore();
        press(Calculator.type(), typedStore);
        press(DynamicCalculator.type(), dynamicStore);

        Object typedReadsDynamic = new CommandHandler(dynamicStore, AggregateRegistry.of(Calculator.type()))
                .load(actor.tenant(), Calculator.NAME, "calc").state();
        Object dynamicReadsTyped = new CommandHandler(typedStore, AggregateRegistry.of(DynamicCalculator.type()))
                .load(actor.tenant(), Calculator.NAME, "calc").state();

        assertThat(typedReadsDynamic).isEqualTo(dynamicReadsTyped)
                .isEqualTo(new Calculator.State("42.5", "0.5", "-", 42.5));
    }

    @Test
    void the_typed_numbers_store_the_payload_the_dynamic_numbers_stored() {
        MemoryEventStore store = new MemoryEventStore();
        CommandHandler handler = new CommandHandler(store, Examples.registry());

        handler.command(actor, "AddNumbers", Payload.parse("{\"aggregateId\":\"n\",\"number1\":1,\"number2\":2}"));
        handler.command(actor, "SubtractNumbers", Payload.parse("{\"aggregateId\":\"n\",\"number1\":4,\"number2\":0}"));

        assertThat(ledger(store.read(new StreamId(actor.tenant(), Numbers.NAME, "n"), 0, 10))).containsExactly(
                "0 AddNumbers [{\"name\":\"NumbersAdded\",\"payload\":{\"number1\":1,\"number2\":2},\"schemaVersion\":1}]",
                "1 SubtractNumbers [{\"name\":\"NumbersSubtracted\",\"payload\":{\"number1\":4,\"number2\":0},\"schemaVersion\":1}]");
        assertThat(handler.load(actor.tenant(), Numbers.NAME, "n").state()).isEqualTo(new Numbers.State(-1));
    }
}
