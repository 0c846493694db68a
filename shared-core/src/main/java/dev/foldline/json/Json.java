package dev.foldline.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.foldline.errors.MalformedRequest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/** The one place that knows the JSON library. Everything else goes through these methods. */
public final class Json {

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .create();
    /** Reads and writes JSON trees inside the hand-written codecs, looked up once. */
    private static final TypeAdapter<JsonElement> TREES = GSON.getAdapter(JsonElement.class);

    private Json() {
    }

    /** Writes what the codec writes to a string, with the same writer settings as {@link #write}. */
    @FunctionalInterface
    interface Encoder {
        void encode(JsonWriter writer) throws IOException;
    }

    /** Reads a value from a reader over stored text. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(JsonReader reader) throws IOException;
    }

    static String write(Encoder encoder) {
        StringBuilder out = new StringBuilder(256);
        try {
            JsonWriter writer = new JsonWriter(new BuilderWriter(out));
            // As GSON writes trees: nulls in objects left out, no HTML escaping, NaN written bare.
            writer.setSerializeNulls(false);
            writer.setHtmlSafe(false);
            writer.setStrictness(Strictness.LENIENT);
            encoder.encode(writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Reads text the framework wrote itself, leniently as {@link #parseTree} does (stored data may
     * hold NaN or Infinity). Text that is not what the decoder expects is an
     * {@link IllegalStateException}: stored data is never the caller's fault.
     */
    static <T> T read(String text, Decoder<T> decoder) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.LENIENT);
            T value = decoder.decode(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalStateException("content after the stored value");
            }
            return value;
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + rootMessage(e), e);
        }
    }

    static JsonElement readTree(JsonReader reader) throws IOException {
        return TREES.read(reader);
    }

    static void writeTree(JsonWriter writer, JsonElement tree) throws IOException {
        TREES.write(writer, tree);
    }

    // Written into a StringBuilder, not gson's default StringWriter: a StringWriter is a
    // StringBuffer, whose every append takes a lock, and JSON is written in many small appends.
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        GSON.toJson(value, out);
        return out.toString();
    }

    public static String write(JsonElement tree) {
        StringBuilder out = new StringBuilder(128);
        GSON.toJson(tree, out);
        return out.toString();
    }

    public static JsonElement toTree(Object value) {
        // Strings, numbers and booleans are what payloads are mostly made of: no adapter lookup for them.
        if (value instanceof String text) {
            return new JsonPrimitive(text);
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        return GSON.toJsonTree(value);
    }

    public static <T> T fromTree(JsonElement tree, Class<T> type) {
        return GSON.fromJson(tree, type);
    }

    public static <T> T read(String json, Class<T> type) {
        return GSON.fromJson(json, type);
    }

    /**
     * Where the tree holds a number that is NaN or infinite, as a path such as {@code a.b[2]}, or
     * null when every number is finite. JSON has no such numbers, so stored data holding one could
     * not be read back strictly.
     */
    public static String nonFiniteNumberAt(JsonElement tree) {
        Deque<Map.Entry<String, JsonElement>> pending = new ArrayDeque<>();
        pending.push(Map.entry("", tree));
        while (!pending.isEmpty()) {
            Map.Entry<String, JsonElement> next = pending.pop();
            JsonElement element = next.getValue();
            String path = next.getKey();
            if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
                Number number = element.getAsNumber();
                if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
                    return path;
                }
            } else if (element.isJsonObject()) {
                for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
                    pending.push(Map.entry(path.isEmpty() ? member.getKey() : path + "." + member.getKey(),
                            member.getValue()));
                }
            } else if (element.isJsonArray()) {
                JsonArray array = element.getAsJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    pending.push(Map.entry(path + "[" + i + "]", array.get(i)));
                }
            }
        }
        return null;
    }

    /**
     * Refuses a tree nested deeper than {@code maxDepth} or holding more than {@code maxMembers}
     * object members and array elements in all, before any code walks it recursively.
     */
    public static void requireWithin(JsonElement tree, int maxDepth, int maxMembers) {
        Deque<Map.Entry<Integer, JsonElement>> pending = new ArrayDeque<>();
        pending.push(Map.entry(0, tree));
        int members = 0;
        while (!pending.isEmpty()) {
            Map.Entry<Integer, JsonElement> next = pending.pop();
            int depth = next.getKey();
            JsonElement element = next.getValue();
            if (!element.isJsonObject() && !element.isJsonArray()) {
                continue;
            }
            if (depth >= maxDepth) {
                throw new MalformedRequest("body nests objects and arrays deeper than " + maxDepth + " levels");
            }
            Iterable<JsonElement> children = element.isJsonObject()
                    ? element.getAsJsonObject().asMap().values() : element.getAsJsonArray();
            for (JsonElement child : children) {
                if (++members > maxMembers) {
                    throw new MalformedRequest("body holds more than " + maxMembers + " members and elements");
                }
                pending.push(Map.entry(depth + 1, child));
            }
        }
    }

    /** Parses JSON the framework wrote itself (stored state may hold NaN or Infinity). */
    public static JsonElement parseTree(String text) {
        return JsonParser.parseString(text);
    }

    /**
     * The element as compact JSON with every object's members sorted by name: equal values give
     * equal text, whatever order a client sent the members in.
     */
    public static String canonical(JsonElement element) {
        return write(sorted(element));
    }

    private static JsonElement sorted(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject copy = new JsonObject();
            element.getAsJsonObject().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> copy.add(e.getKey(), sorted(e.getValue())));
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(e -> copy.add(sorted(e)));
            return copy;
        }
        return element;
    }

    /**
     * Parses text that must be one JSON object. Anything else (not JSON, an array, trailing
     * garbage) is a {@link MalformedRequest} naming what was wrong.
     */
    public static JsonObject parseObject(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedRequest("body must be a JSON object, got nothing");
        }
        JsonElement element;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedRequest("body has content after the JSON object");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new MalformedRequest("body is not valid JSON: " + rootMessage(e));
        }
        if (!element.isJsonObject()) {
            throw new MalformedRequest("body must be a JSON object");
        }
        return element.getAsJsonObject();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }

    /** A writer into a StringBuilder, without the lock a StringWriter takes on every write. */
    private static final class BuilderWriter extends Writer {
        private final StringBuilder out;

        BuilderWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            out.append(chars, offset, length);
        }

        @Override
        public void write(int c) {
            out.append((char) c);
        }

        @Override
        public void write(String text, int offset, int length) {
            out.append(text, offset, offset + length);
        }

        @Override
        public Writer append(CharSequence text) {
            out.append(text);
            return this;
        }

        @Override
        public Writer append(CharSequence text, int start, int end) {
            out.append(text, start, end);
            return this;
        }

        @Override
        public Writer append(char c) {
            out.append(c);
            return this;
        }

        @Override
        public void flush() {
            // nothing is buffered
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
