package dev.foldline.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.foldline.errors.MalformedRequest;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/** The one place that knows the JSON library. Everything else goes through these methods. */
public final class Json {

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .create();

    private Json() {
    }

    public static String write(Object value) {
        return GSON.toJson(value);
    }

    public static String write(JsonElement tree) {
        return GSON.toJson(tree);
    }

    public static JsonElement toTree(Object value) {
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
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
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
}
