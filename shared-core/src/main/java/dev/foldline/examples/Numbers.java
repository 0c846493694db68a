package dev.foldline.examples;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.aggregate.SnapshotPolicy;

/** The numbers calculator of the original README: adds or subtracts two integers into {@code sum}. */
public final class Numbers {

    public static final String NAME = "numbers";
    public static final String NUMBERS_ADDED = "NumbersAdded";
    public static final String NUMBERS_SUBTRACTED = "NumbersSubtracted";

    public record AddNumbers(int number1, int number2) {
    }

    public record SubtractNumbers(int number1, int number2) {
    }

    public sealed interface NumbersEvent permits NumbersAdded, NumbersSubtracted {
    }

    public record NumbersAdded(int number1, int number2) implements NumbersEvent {
    }

    public record NumbersSubtracted(int number1, int number2) implements NumbersEvent {
    }

    public record State(long sum) {
    }

    private Numbers() {
    }

    /** Snapshots on every commit, as the original does when snapshots are enabled. */
    public static AggregateType<State> type() {
        return type(SnapshotPolicy.everyCommit());
    }

    public static AggregateType<State> type(SnapshotPolicy snapshots) {
        return AggregateType.typed(NAME, State.class, () -> new State(0), NumbersEvent.class)
                .command(AddNumbers.class, (context, command) -> context.push(new NumbersAdded(command.number1(), command.number2())))
                .command(SubtractNumbers.class, (context, command) -> context.push(new NumbersSubtracted(command.number1(), command.number2())))
                .event(NumbersAdded.class, (state, event) -> new State(state.sum() + event.number1() + event.number2()))
                .event(NumbersSubtracted.class, (state, event) -> new State(state.sum() - event.number1() - event.number2()))
                .snapshots(snapshots)
                .build();
    }
}
