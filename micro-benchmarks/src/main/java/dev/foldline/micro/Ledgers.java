package dev.foldline.micro;

import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Calculator;
import dev.foldline.examples.Examples;
import dev.foldline.examples.Numbers;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.MemoryEventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The examples' envelopes as the real command handler records them (actor, commit stamp, attempt
 * id and all), so that what the benchmarks decode is what a store holds.
 */
final class Ledgers {

    static final String TENANT = "bench";
    /** An actor as a verified token gives one: a role and a claim, which every envelope carries. */
    static final Actor ACTOR = new Actor(TENANT, "user-1", Set.of("user"), Map.of("email", "user-1@example.com"));

    /** One command as a caller sends it, the aggregate id still to be added. */
    record Command(String name, String payloadJson) {

        Payload payload(String aggregateId) {
            return Payload.parse(payloadJson).with(CommandHandler.AGGREGATE_ID, aggregateId);
        }
    }

    private Ledgers() {
    }

    /**
     * Key presses that keep the calculator's state small however long they run: "1", then
     * "+ 2 =" over and over (each "+" after "=" adds the last operand again).
     */
    static Command calculatorCommand(long index) {
        if (index == 0) {
            return new Command("PressDigit", "{\"digit\":\"1\"}");
        }
        return switch ((int) ((index - 1) % 3)) {
            case 0 -> new Command("PressOperator", "{\"operator\":\"+\"}");
            case 1 -> new Command("PressDigit", "{\"digit\":\"2\"}");
            default -> new Command("PressEquals", "{}");
        };
    }

    static Command numbersCommand(long index) {
        return new Command("AddNumbers", "{\"number1\":" + index + ",\"number2\":" + (index % 7) + "}");
    }

    static Command command(String aggregate, long index) {
        return switch (aggregate) {
            case Calculator.NAME -> calculatorCommand(index);
            case Numbers.NAME -> numbersCommand(index);
            default -> throw new IllegalArgumentException("no workload for aggregate " + aggregate);
        };
    }

    /** The envelopes of {@code count} commands on one new aggregate, in version order. */
    static List<Envelope> record(String aggregate, String aggregateId, int count) {
        MemoryEventStore store = new MemoryEventStore();
        CommandHandler handler = new CommandHandler(store, Examples.registry());
        for (int i = 0; i < count; i++) {
            Command command = command(aggregate, i);
            handler.command(ACTOR, command.name(), command.payload(aggregateId));
        }
        List<Envelope> envelopes = store.read(new StreamId(TENANT, aggregate, aggregateId), 0, Long.MAX_VALUE);
        if (envelopes.size() != count || envelopes.stream().anyMatch(e -> e.events().size() != 1)) {
            throw new IllegalStateException("expected " + count + " envelopes of one event each");
        }
        return new ArrayList<>(envelopes);
    }
}
