package dev.foldline.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.foldline.errors.InvalidArgument;
import java.math.BigDecimal;

/**
 * An immutable JSON object: a command's input or an event's data. Typed accessors name the
 * argument in the error they throw, so domain code validates input in one line.
 */
public final class Payload {

    private static final Payload EMPTY = new Payload(new JsonObject(), false);
    private static final java.util.Set<String> NON_FINITE = java.util.Set.of("NaN", "Infinity", "-Infinity");
    /** What {@link #plainInteger} answers for anything but a plain integer (no plain integer is it). */
    private static final long NOT_PLAIN = Long.MIN_VALUE;

    private final JsonObject json;
    /**
     * Read from storage written before non-finite numbers were refused: such a number was stored as
     * a bare NaN or Infinity, which reads back as a string, and is still answered as a number.
     */
    private final boolean stored;

    private Payload(JsonObject json, boolean stored) {
        this.json = json;
        this.stored = stored;
    }

    private Payload(JsonObject json) {
        this(json, false);
    }

    /** A payload read back from storage (see {@link EnvelopeCodec}). */
    static Payload stored(JsonObject json) {
        return new Payload(json, true);
    }

    public static Payload empty() {
        return EMPTY;
    }

    public static Payload of(JsonObject json) {
        return json == null ? EMPTY : new Payload(json.deepCopy());
    }

    /** Converts any value gson can write (a record, a map) into a payload. */
    public static Payload from(Object value) {
        if (value == null) {
            return EMPTY;
        }
        if (value instanceof Payload payload) {
            return payload;
        }
        JsonElement tree = value instanceof JsonElement element ? element : Json.toTree(value);
        if (!tree.isJsonObject()) {
            throw new IllegalArgumentException("a payload must be a JSON object, got " + tree);
        }
        return of(tree.getAsJsonObject());
    }

    public static Payload parse(String json) {
        return new Payload(Json.parseObject(json));
    }

    public boolean has(String name) {
        return json.has(name) && !json.get(name).isJsonNull();
    }

    /** An integer (a JSON number with no fraction); anything else is an invalid argument naming it. */
    public int requireInt(String name) {
        long plain = plainInteger(name);
        if (plain != NOT_PLAIN) {
            if (plain < Integer.MIN_VALUE || plain > Integer.MAX_VALUE) {
                throw new InvalidArgument(name, name + " is out of range");
            }
            return (int) plain;
        }
        BigDecimal value = requireIntegral(name);
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidArgument(name, name + " is out of range");
        }
    }

    public long requireLong(String name) {
        long plain = plainInteger(name);
        if (plain != NOT_PLAIN) {
            return plain;
        }
        BigDecimal value = requireIntegral(name);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidArgument(name, name + " is out of range");
        }
    }

    /**
     * The member's value when it is a number written as at most 18 digits with an optional minus
     * (what integers nearly always are, and which cannot overflow a long); otherwise
     * {@link #NOT_PLAIN}, and the caller takes the exact (BigDecimal) way with its errors.
     */
    private long plainInteger(String name) {
        JsonElement element = json.get(name);
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

    public double requireDouble(String name) {
        JsonElement element = json.get(name);
        if (stored && element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()
                && NON_FINITE.contains(element.getAsString())) {
            return Double.parseDouble(element.getAsString());
        }
        return requireNumber(name).doubleValue();
    }

    public String requireString(String name) {
        JsonElement element = json.get(name);
        if (element == null || element.isJsonNull()) {
            throw new InvalidArgument(name, name + " is required");
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw new InvalidArgument(name, name + " must be a string");
        }
        return element.getAsString();
    }

    /** Maps the whole payload onto a type (a record or a class) with the JSON library. */
    public <T> T as(Class<T> type) {
        return Json.fromTree(json, type);
    }

    /** A copy of the underlying JSON object. */
    public JsonObject json() {
        return json.deepCopy();
    }

    /** The underlying JSON object itself, for the codecs of this package, which only read it. */
    JsonObject tree() {
        return json;
    }

    public Payload without(String... names) {
        boolean holdsAny = false;
        for (String name : names) {
            holdsAny |= json.has(name);
        }
        if (!holdsAny) {
            return this;
        }
        JsonObject copy = json.deepCopy();
        for (String name : names) {
            copy.remove(name);
        }
        return new Payload(copy);
    }

    public Payload with(String name, Object value) {
        JsonObject copy = json.deepCopy();
        copy.add(name, Json.toTree(value));
        return new Payload(copy);
    }

    public String toJson() {
        return Json.write(json);
    }

    /**
     * Refuses (400) a payload nested deeper than {@code maxDepth} or holding more than
     * {@code maxMembers} members and elements: checked at the edge, before user code walks it.
     */
    public void requireWithin(int maxDepth, int maxMembers) {
        Json.requireWithin(json, maxDepth, maxMembers);
    }

    /** Where the payload holds NaN or an infinity (a path such as {@code a.b[2]}), or null. */
    public String nonFiniteNumberAt() {
        return Json.nonFiniteNumberAt(json);
    }

    /** The payload as JSON with members sorted by name: equal payloads give equal text. */
    public String canonicalJson() {
        return Json.canonical(json);
    }

    private BigDecimal requireIntegral(String name) {
        BigDecimal value = requireNumber(name);
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new InvalidArgument(name, name + " must be an integer");
        }
        return value;
    }

    private BigDecimal requireNumber(String name) {
        JsonElement element = json.get(name);
        if (element == null || element.isJsonNull()) {
            throw new InvalidArgument(name, name + " is required");
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

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
