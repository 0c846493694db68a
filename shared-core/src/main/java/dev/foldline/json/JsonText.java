package dev.foldline.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * Appends JSON to a StringBuilder exactly as the framework's gson writer would (same escapes, no
 * HTML escaping, null members left out, NaN written bare), without a writer in between: the stored
 * envelope is written once per command and its many short strings made the writer's per-character
 * bookkeeping the larger part of the cost.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        int last = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            String escaped = escape(c);
            if (escaped == null) {
                continue;
            }
            out.append(value, last, i);
            if (escaped.isEmpty()) {
                out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append(escaped);
            }
            last = i + 1;
        }
        return out.append(value, last, length).append('"');
    }

    /** The escape of the character, "" for a control character written as \\u00XX, null for none. */
    private static String escape(char c) {
        if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
            return null;
        }
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\f' -> "\\f";
            case '\u2028' -> "\\u2028";
            case '\u2029' -> "\\u2029";
            default -> "";
        };
    }

    /** A member name and colon, after a comma unless it is the object's first. */
    static StringBuilder name(StringBuilder out, String name, boolean first) {
        if (!first) {
            out.append(',');
        }
        return string(out, name).append(':');
    }

    static StringBuilder tree(StringBuilder out, JsonElement element) {
        if (element instanceof JsonObject object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                if (member.getValue().isJsonNull()) {
                    continue;
                }
                name(out, member.getKey(), first);
                tree(out, member.getValue());
                first = false;
            }
            return out.append('}');
        }
        if (element instanceof JsonArray array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                tree(out, array.get(i));
            }
            return out.append(']');
        }
        if (element instanceof JsonPrimitive primitive) {
            if (primitive.isString()) {
                return string(out, primitive.getAsString());
            }
            if (primitive.isNumber()) {
                return number(out, primitive.getAsNumber());
            }
            return out.append(primitive.getAsBoolean());
        }
        return out.append("null");
    }

    /** As gson writes a number: its text, which must be JSON (or NaN, Infinity, -Infinity). */
    private static StringBuilder number(StringBuilder out, Number number) {
        String text = number.toString();
        boolean trusted = number instanceof Integer || number instanceof Long || number instanceof Double
                || number instanceof Float || number instanceof Short || number instanceof Byte
                || number instanceof StoredText.StoredNumber
                || text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
        if (!trusted && !StoredText.isNumber(text)) {
            // BigDecimal, BigInteger, gson's lazily parsed numbers and others: checked as gson does
            return out.append(Json.write(new JsonPrimitive(number)));
        }
        return out.append(text);
    }
}
