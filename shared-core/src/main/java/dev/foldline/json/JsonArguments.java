package dev.foldline.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.foldline.errors.InvalidArgument;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Reads one JSON value as a Java value, naming the argument (a member name or a path such as
 * {@code items[2].quantity}) in every error: what {@link Payload}'s accessors and the record
 * binder of {@link RecordCodec} answer alike.
 */
final class JsonArguments {

    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");
    /** What {@link #plainInteger} answers for anything but a plain integer (no plain integer is it). */
    private static final long NOT_PLAIN = Long.MIN_VALUE;

    private JsonArguments() {
    }

    static InvalidArgument required(String name) {
        return new InvalidArgument(name, name + " is required");
    }

    static boolean absent(JsonElement element) {
        return element == null || element.isJsonNull();
    }

    static String string(JsonElement element, String name) {
        if (absent(element)) {
            throw required(name);
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw new InvalidArgument(name, name + " must be a string");
        }
        return element.getAsString();
    }

    static boolean bool(JsonElement element, String name) {
        if (absent(element)) {
            throw required(name);
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isBoolean()) {
            throw new InvalidArgument(name, name + " must be true or false");
        }
        return element.getAsBoolean();
    }

    static int integer(JsonElement element, String name) {
        long plain = plainInteger(element);
        if (plain != NOT_PLAIN) {
            if (plain < Integer.MIN_VALUE || plain > Integer.MAX_VALUE) {
                throw new InvalidArgument(name, name + " is out of range");
            }
            return (int) plain;
        }
        BigDecimal value = integral(element, name);
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidArgument(name, name + " is out of range");
        }
    }

    static long longInteger(JsonElement element, String name) {
        long plain = plainInteger(element);
        if (plain != NOT_PLAIN) {
            return plain;
        }
        BigDecimal value = integral(element, name);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidArgument(name, name + " is out of range");
        }
    }

    /**
     * The value when it is a number written as at most 18 digits with an optional minus (what
     * integers nearly always are, and which cannot overflow a long); otherwise {@link #NOT_PLAIN},
     * and the caller takes the exact (BigDecimal) way with its errors.
     */
    private static long plainInteger(JsonElement element) {
        if (!(element instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            return NOT_PLAIN;
        }
        String text = primitive.getAsString();
        int start = text.startsWith("-") ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 18) {
            return NOT_PLAIN;
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_PLAIN;
            }
            value = value * 10 + (c - '0');
        }
        return start == 1 ? -value : value;
    }

    /**
     * A number; with {@code stored}, also a bare NaN or Infinity written before non-finite numbers
     * were refused, which reads back as a string.
     */
    static double decimal(JsonElement element, String name, boolean stored) {
        if (stored && element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()
                && NON_FINITE.contains(element.getAsString())) {
            return Double.parseDouble(element.getAsString());
        }
        return number(element, name).doubleValue();
    }

    static BigDecimal integral(JsonElement element, String name) {
        BigDecimal value = number(element, name);
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new InvalidArgument(name, name + " must be an integer");
        }
        return value;
    }

    static BigDecimal number(JsonElement element, String name) {
        if (absent(element)) {
            throw required(name);
        }
        if (!element.isJsonPrimitive() || !((JsonPrimitive) element).isNumber()) {
            throw new InvalidArgument(name, name + " must be a number");
        }
        try {
            return element.getAsBigDecimal();
        } catch (NumberFormatException e) {
            // gson refuses exponents beyond its limits (e.g. 1e999999999): bad input, not a bug.
            throw new InvalidArgument(name, name + " is out of range");
        }
    }
}
