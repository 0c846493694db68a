package dev.foldline.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * An immutable JSON object: a command's input or an event's data. Typed accessors name the
 * argument in the error they throw, so domain code validates input in one line.
 */
public final class Payload {

    private static final Payload EMPTY = new Payload(new JsonObject(), false);

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

    /** Wraps a tree no one else holds, without copying it (see {@link RecordCodec#encode}). */
    static Payload owning(JsonObject json) {
        return new Payload(json);
    }

    /** The tree itself, not a copy: for readers in this package that never change it. */
    JsonObject tree() {
        return json;
    }

    boolean isStored() {
        return stored;
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
        return JsonArguments.integer(json.get(name), name);
    }

    public long requireLong(String name) {
        return JsonArguments.longInteger(json.get(name), name);
    }

    public double requireDouble(String name) {
        return JsonArguments.decimal(json.get(name), name, stored);
    }

    public String requireString(String name) {
        return JsonArguments.string(json.get(name), name);
    }

    /** Maps the whole payload onto a type (a record or a class) with the JSON library. */
    public <T> T as(Class<T> type) {
        return Json.fromTree(json, type);
    }

    /** A copy of the underlying JSON object. */
    public JsonObject json() {
        return json.deepCopy();
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
