package dev.foldline.examples;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.aggregate.CommandContext;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.json.Payload;

/** The numbers calculator of the original README: adds or subtracts two integers into {@code sum}. */
public final class Numbers {

    public static final String NAME = "numbers";
    public static final String NUMBERS_ADDED = "NumbersAdded";
    public static final String NUMBERS_SUBTRACTED = "NumbersSubtracted";

    public record State(long sum) {
    }

    private Numbers() {
    }

    /** Snapshots on every commit, as the original does when snapshots are enabled. */
    public static AggregateType<State> type() {
        return type(SnapshotPolicy.everyCommit());
    }

    public static AggregateType<State> type(SnapshotPolicy snapshots) {
        return AggregateType.named(NAME, State.class, () -> new State(0))
                .command("AddNumbers", context -> push(context, NUMBERS_ADDED))
                .command("SubtractNumbers", context -> push(context, NUMBERS_SUBTRACTED))
                .event(NUMBERS_ADDED, (state, event) -> new State(state.sum() + operands(event.payload())))
                .event(NUMBERS_SUBTRACTED, (state, event) -> new State(state.sum() - operands(event.payload())))
                .snapshots(snapshots)
                .build();
    }

    private static void push(CommandContext<State> context, String event) {
        Payload input = context.payload();
        int number1 = input.requireInt("number1");
        int number2 = input.requireInt("number2");
        context.push(event, Payload.empty().with("number1", number1).with("number2", number2));
    }

    private static long operands(Payload payload) {
        return payload.requireLong("number1") + payload.requireLong("number2");
    }
}
