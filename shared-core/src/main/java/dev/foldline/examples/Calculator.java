package dev.foldline.examples;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.errors.PreconditionFailed;
import dev.foldline.json.Payload;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * The key-press calculator of the original README: every key is an event, so the ledger is an
 * audit of what was pressed. Same arithmetic as the original, including "=" repeating the last
 * operation.
 */
public final class Calculator {

    public static final String NAME = "calculator";

    private static final Map<String, DoubleBinaryOperator> OPERATORS = Map.of(
            "+", (l, r) -> l + r,
            "-", (l, r) -> l - r,
            "*", (l, r) -> l * r,
            "/", (l, r) -> l / r);

    /** Operands are kept as the typed text, as on a real calculator's display. */
    public record State(String left, String right, String operator, double result) {

        State typed(String key) {
            return operator == null
                    ? new State(orEmpty(left) + key, right, operator, result)
                    : new State(left, orEmpty(right) + key, operator, result);
        }

        State withOperator(String newOperator) {
            State base = operator == null ? this : compute();
            return new State(base.left, null, newOperator, base.result);
        }

        State compute() {
            if (left == null || left.isEmpty()) {
                throw new PreconditionFailed("missing left side");
            }
            if (right == null || right.isEmpty()) {
                throw new PreconditionFailed("missing right side");
            }
            if (operator == null) {
                throw new PreconditionFailed("missing operator");
            }
            double divisor = parse(right);
            if (operator.equals("/") && divisor == 0) {
                throw new PreconditionFailed("cannot divide by zero");
            }
            double value = OPERATORS.get(operator).applyAsDouble(parse(left), divisor);
            return new State(Double.toString(value), right, operator, value);
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }

        private static double parse(String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new PreconditionFailed("cannot read " + text + " as a number");
            }
        }
    }

    private Calculator() {
    }

    public static AggregateType<State> type() {
        return AggregateType.named(NAME, State.class, () -> new State("0", null, null, 0))
                .command("PressDigit", context -> {
                    String digit = context.payload().requireString("digit");
                    if (digit.length() != 1 || digit.charAt(0) < '0' || digit.charAt(0) > '9') {
                        throw new InvalidArgument("digit", "digit must be one of 0-9");
                    }
                    context.push("DigitPressed", Payload.empty().with("digit", digit));
                })
                .command("PressDot", context -> context.push("DotPressed", Payload.empty()))
                .command("PressOperator", context -> {
                    String operator = context.payload().requireString("operator");
                    if (!OPERATORS.containsKey(operator)) {
                        throw new InvalidArgument("operator", "operator must be one of + - * /");
                    }
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
