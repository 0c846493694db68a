package dev.foldline.examples;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.examples.Calculator.State;
import dev.foldline.json.Payload;

/**
 * The {@link Calculator} written against the dynamic layer, the way the original JavaScript package
 * works: commands and events are {@link Payload}s read by name. It stores exactly what the typed
 * calculator stores (a test proves it), so either reads the other's ledger. Not registered in
 * {@link ExamplesApplication}: the README and the replay benchmark compare the two.
 */
public final class DynamicCalculator {

    private DynamicCalculator() {
    }

    public static AggregateType<State> type() {
        return AggregateType.named(Calculator.NAME, State.class, State::initial)
                .command("PressDigit", context -> {
                    String digit = Calculator.requireDigit(context.payload().requireString("digit"));
                    context.push("DigitPressed", Payload.empty().with("digit", digit));
                })
                .command("PressDot", context -> context.push("DotPressed", Payload.empty()))
                .command("PressOperator", context -> {
                    String operator = Calculator.requireOperator(context.payload().requireString("operator"));
                    context.push("OperatorPressed", Payload.empty().with("operator", operator));
                })
                .command("PressEquals", context -> context.push("EqualsPressed", Payload.empty()))
                .event("DigitPressed", (state, event) -> state.typed(event.payload().requireString("digit")))
                .event("DotPressed", (state, event) -> state.typed("."))
                .event("OperatorPressed", (state, event) -> state.withOperator(event.payload().requireString("operator")))
                .event("EqualsPressed", (state, event) -> state.compute())
                .snapshots(SnapshotPolicy.every(10))
                .build();
    }
}
