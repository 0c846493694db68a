package dev.foldline.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.foldline.errors.MalformedRequest;
import java.io.IOException;
import java.io.StringReader;

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
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> copy.add(e.getKey(), sorted(e.getValue())));
            return copy;
        }
        if (element.isJsonArray()) {
            com.google.gson.JsonArray copy = new com.google.gson.JsonArray();
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
