package dev.foldline.http.identity;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.foldline.errors.Unauthorized;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.Map;

/**
 * Verified claims a platform hands over as one JSON object (a token payload forwarded by a
 * gateway), read with their JSON types kept: strings, {@link Long} or {@link Double} numbers,
 * booleans, lists, maps. Keeping the types is what lets {@link ClaimsMapper} refuse a number or a
 * list where a name belongs; stringifying them first would turn {@code 42} into a tenant.
 * Duplicate members are refused, since which one counts would depend on the parser.
 */
public final class JsonClaims {

    private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    private static final TypeToken<Map<String, Object>> CLAIMS = new TypeToken<>() { };

    private JsonClaims() {
    }

    /** The claims, or a 401 naming {@code source} when it is not exactly one JSON object. */
    public static Map<String, Object> parse(String json, String source) {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                Map<String, Object> claims = GSON.fromJson(reader, CLAIMS);
                if (reader.peek() == JsonToken.END_DOCUMENT) {
                    return Collections.unmodifiableMap(claims);
                }
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            // falls through to the refusal below
        }
        throw new Unauthorized(source + " is not one JSON object of claims");
    }
}
