package dev.foldline.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads JSON as the framework writes it (compact or not, any member order, bare NaN and
 * Infinity read as strings as gson's lenient reader does) straight from the text: no buffer copy,
 * and member names found among the {@code known} ones are answered without allocating. Anything
 * else (comments, single quotes, unquoted names...) is {@link Unsupported}, and the caller reads
 * the text with gson instead. Not thread-safe; one instance per text.
 */
final class StoredText implements StoredReader {

    /** The text is valid for gson's lenient reader perhaps, but not for this one. */
    static final class Unsupported extends IOException {
        Unsupported(String what, int at) {
            super(what + " at " + at);
        }
    }

    private final String text;
    private final Names known;
    private int at;

    StoredText(String text, Names known) {
        this.text = text;
        this.known = known;
    }

    @Override
    public void beginObject() throws IOException {
        expect('{');
    }

    @Override
    public void endObject() throws IOException {
        expect('}');
    }

    @Override
    public void beginArray() throws IOException {
        expect('[');
    }

    @Override
    public void endArray() throws IOException {
        expect(']');
    }

    /** Whether a member or element follows; steps over the comma before it. */
    @Override
    public boolean hasNext() throws IOException {
        char c = peek();
        if (c == ',') {
            at++;
            peek();
            return true;
        }
        return c != '}' && c != ']';
    }

    @Override
    public String nextName() throws IOException {
        if (peek() != '"') {
            throw new Unsupported("a name that is not a string", at);
        }
        int start = at + 1;
        String name = knownAt(start);
        if (name == null) {
            name = nextString();
        } else {
            at = start + name.length() + 1;
        }
        expect(':');
        return name;
    }

    @Override
    public String nextString() throws IOException {
        if (peek() == '"') {
            return quoted();
        }
        int end = JsonValues.end(text, at);
        String bare = text.substring(at, end);
        if (!isNumber(bare) && !isNonFinite(bare)) {
            throw new Unsupported("a value that is not a string", at);
        }
        at = end;
        return bare;
    }

    @Override
    public long nextLong() throws IOException {
        String number = nextString();
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException notPlain) {
            throw new Unsupported("a number that is not a plain long", at);
        }
    }

    @Override
    public int nextInt() throws IOException {
        long value = nextLong();
        if (value != (int) value) {
            throw new Unsupported("a number beyond an int", at);
        }
        return (int) value;
    }

    @Override
    public boolean nextIsNull() throws IOException {
        if (peek() == 'n' && text.startsWith("null", at)) {
            at += 4;
            return true;
        }
        return false;
    }

    @Override
    public void skipValue() throws IOException {
        nextTree();
    }

    @Override
    public JsonElement nextTree() throws IOException {
        char c = peek();
        switch (c) {
            case '{' -> {
                JsonObject object = new JsonObject();
                at++;
                while (hasNext()) {
                    String name = nextString();
                    expect(':');
                    object.add(name, nextTree());
                }
                endObject();
                return object;
            }
            case '[' -> {
                JsonArray array = new JsonArray();
                at++;
                while (hasNext()) {
                    array.add(nextTree());
                }
                endArray();
                return array;
            }
            case '"' -> {
                return new JsonPrimitive(quoted());
            }
            default -> {
                if (nextIsNull()) {
                    return JsonNull.INSTANCE;
                }
                int end = JsonValues.end(text, at);
                String bare = text.substring(at, end);
                JsonElement value = switch (bare) {
                    case "true" -> new JsonPrimitive(Boolean.TRUE);
                    case "false" -> new JsonPrimitive(Boolean.FALSE);
                    case "NaN", "Infinity", "-Infinity" -> new JsonPrimitive(bare);
                    default -> isNumber(bare) ? new JsonPrimitive(new StoredNumber(bare)) : null;
                };
                if (value == null) {
                    throw new Unsupported("an unknown value", at);
                }
                at = end;
                return value;
            }
        }
    }

    /** Fails unless only whitespace follows what was read. */
    void requireEnd() throws IOException {
        if (at < text.length() && peek() != 0) {
            throw new Unsupported("text after the value", at);
        }
    }

    /** The next character that is not whitespace (0 at the end), not consumed. */
    private char peek() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            at++;
        }
        return 0;
    }

    private void expect(char wanted) throws IOException {
        if (peek() != wanted) {
            throw new Unsupported("expected " + wanted, at);
        }
        at++;
    }

    /** The known name quoted at {@code start}, if it is one, found by its hash as a String would have it. */
    private String knownAt(int start) {
        int hash = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return known.find(text, start, i, hash);
            }
            if (c == '\\') {
                return null;
            }
            hash = 31 * hash + c;
        }
        return null;
    }

    private String quoted() throws IOException {
        int start = at + 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                at = i + 1;
                return text.substring(start, i);
            }
            if (c == '\\') {
                return unescaped(start);
            }
        }
        throw new Unsupported("an unterminated string", at);
    }

    private String unescaped(int start) throws IOException {
        StringBuilder value = new StringBuilder();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                at = i + 1;
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (++i >= text.length()) {
                break;
            }
            char escaped = text.charAt(i);
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (i + 4 >= text.length()) {
                        throw new Unsupported("a short unicode escape", i);
                    }
                    try {
                        value.append((char) Integer.parseInt(text, i + 1, i + 5, 16));
                    } catch (NumberFormatException e) {
                        throw new Unsupported("a unicode escape that is not hexadecimal", i);
                    }
                    i += 4;
                }
                default -> throw new Unsupported("an unknown escape", i);
            }
        }
        throw new Unsupported("an unterminated string", at);
    }

    /** A JSON number: -?(0|[1-9]digits)(.digits)?([eE][+-]?digits)? */
    static boolean isNumber(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        int integral = digits(text, i);
        if (integral == i || (text.charAt(i) == '0' && integral > i + 1)) {
            return false;
        }
        i = integral;
        if (i < text.length() && text.charAt(i) == '.') {
            int fraction = digits(text, i + 1);
            if (fraction == i + 1) {
                return false;
            }
            i = fraction;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = digits(text, i);
            if (exponent == i) {
                return false;
            }
            i = exponent;
        }
        return i == text.length();
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isNonFinite(String text) {
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
    }

    /**
     * A number as stored, kept as its text so that it is written back exactly as read (what gson's
     * own trees do), converted when asked.
     */
    static final class StoredNumber extends Number {
        private final String value;

        StoredNumber(String value) {
            this.value = value;
        }

        @Override
        public int intValue() {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException notAnInt) {
                return (int) longValue();
            }
        }

        @Override
        public long longValue() {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException notALong) {
                return new BigDecimal(value).longValue();
            }
        }

        @Override
        public float floatValue() {
            return Float.parseFloat(value);
        }

        @Override
        public double doubleValue() {
            return Double.parseDouble(value);
        }

        @Override
        public String toString() {
            return value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredNumber that && value.equals(that.value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    /** Member names a format uses, looked up by their hash in a table built once. */
    static final class Names {
        private final String[] slots;

        Names(String... names) {
            int size = Integer.highestOneBit(names.length * 4);
            slots = new String[size];
            for (String name : names) {
                int slot = name.hashCode() & (size - 1);
                while (slots[slot] != null) {
                    slot = (slot + 1) & (size - 1);
                }
                slots[slot] = name;
            }
        }

        /** The name equal to the text from {@code start} to {@code end}, whose hash is given, or null. */
        String find(String text, int start, int end, int hash) {
            int mask = slots.length - 1;
            for (int slot = hash & mask; slots[slot] != null; slot = (slot + 1) & mask) {
                String name = slots[slot];
                if (name.hashCode() == hash && name.length() == end - start && text.startsWith(name, start)) {
                    return name;
                }
            }
            return null;
        }
    }
}
