package dev.foldline.examples;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.errors.PreconditionFailed;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * The key-press calculator of the original README, typed: commands, events and state are records.
 * Every key is an event, so the ledger is an audit of what was pressed. Same arithmetic as the
 * original, including "=" repeating the last operation. It stores exactly what the
 * {@link DynamicCalculator} (the same aggregate written against {@code Payload}) stores.
 */
public final class Calculator {

    public static final String NAME = "calculator";

    private static final Map<String, DoubleBinaryOperator> OPERATORS = Map.of(
            "+", (l, r) -> l + r,
            "-", (l, r) -> l - r,
            "*", (l, r) -> l * r,
            "/", (l, r) -> l / r);

    /** A command record validates itself: its constructor runs on the request body, before the command. */
    public record PressDigit(String digit) {
        public PressDigit {
            requireDigit(digit);
        }
    }

    public record PressDot() {
    }

    public record PressOperator(String operator) {
        public PressOperator {
            requireOperator(operator);
        }
    }

    public record PressEquals() {
    }

    /** The calculator's events: an applier for each is checked at startup. */
    public sealed interface KeyPressed permits DigitPressed, DotPressed, OperatorPressed, EqualsPressed {
    }

    public record DigitPressed(String digit) implements KeyPressed {
    }

    public record DotPressed() implements KeyPressed {
    }

    public record OperatorPressed(String operator) implements KeyPressed {
    }

    public record EqualsPressed() implements KeyPressed {
    }

    /** Operands are kept as the typed text, as on a real calculator's display. */
    public record State(String left, String right, String operator, double result) {

        static State initial() {
            return new State("0", null, null, 0);
        }

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
        return AggregateType.typed(NAME, State.class, State::initial, KeyPressed.class)
                .command(PressDigit.class, (context, command) -> context.push(new DigitPressed(command.digit())))
                .command(PressDot.class, (context, command) -> context.push(new DotPressed()))
                .command(PressOperator.class, (context, command) -> context.push(new OperatorPressed(command.operator())))
                .command(PressEquals.class, (context, command) -> context.push(new EqualsPressed()))
                .event(DigitPressed.class, (state, event) -> state.typed(event.digit()))
                .event(DotPressed.class, (state, event) -> state.typed("."))
                .event(OperatorPressed.class, (state, event) -> state.withOperator(event.operator()))
                .event(EqualsPressed.class, (state, event) -> state.compute())
                .snapshots(SnapshotPolicy.every(10))
                .build();
    }

    static String requireDigit(String digit) {
        if (digit.length() != 1 || digit.charAt(0) < '0' || digit.charAt(0) > '9') {
            throw new InvalidArgument("digit", "digit must be one of 0-9");
        }
        return digit;
    }

    static String requireOperator(String operator) {
        if (!OPERATORS.containsKey(operator)) {
            throw new InvalidArgument("operator", "operator must be one of + - * /");
        }
        return operator;
    }
}
