package dev.foldline.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reads JSON as the framework writes it (compact or not, any member order, bare NaN and
 * Infinity read as strings as gson's lenient reader does) straight from the text: no buffer copy,
 * member names found among the {@code known} ones and strings seen in earlier texts
 * ({@link RecentStrings}) are answered without allocating, and strings are found with
 * {@link String#indexOf(int, int)} (vectorised by the JIT) rather than a loop over characters.
 * Anything else (comments, single quotes, unquoted names...) is {@link Unsupported}, and the caller
 * reads the text with gson instead. Not thread-safe; one instance per text.
 */
final class StoredText implements StoredReader {

    /** The text is valid for gson's lenient reader perhaps, but not for this one. */
    static final class Unsupported extends IOException {
        Unsupported(String what, int at) {
            super(what + " at " + at);
        }
    }

    /** What {@link #plainLong} answers for anything but a plain integer of up to 18 digits. */
    private static final long NOT_PLAIN = Long.MIN_VALUE;

    private final String text;
    private final int length;
    private final Names known;
    private int at;
    /**
     * The first backslash at or after the last string read ({@code Integer.MAX_VALUE} if none): a
     * string that closes before it holds no escape, so it is a plain substring of the text.
     */
    private int nextEscape = -1;

    StoredText(String text, Names known) {
        this.text = text;
        this.length = text.length();
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
        String name = known.find(text, start);
        if (name != null) {
            at = start + name.length() + 1;
            if (at < length && text.charAt(at) == ':') {
                at++;
                return name;
            }
        } else {
            int end = plainEnd(start);
            if (end < 0) {
                name = unescaped(start);
            } else {
                name = RecentStrings.SHARED.of(text, start, end);
                at = end + 1;
            }
        }
        expect(':');
        return name;
    }

    @Override
    public String nextRecurringString() throws IOException {
        int end = plainStringAhead();
        if (end < 0) {
            return nextString();
        }
        int start = at + 1;
        at = end + 1;
        return RecentStrings.SHARED.of(text, start, end);
    }

    @Override
    public Instant nextInstant() throws IOException {
        int end = plainStringAhead();
        if (end < 0) {
            return IsoInstants.parse(nextString());
        }
        int start = at + 1;
        at = end + 1;
        return IsoInstants.parse(text, start, end);
    }

    @Override
    public <T> T skipRecent(RecentValue<T> recent) {
        RecentValue.Read<T> read = recent.readAt(text, mark());
        if (read == null) {
            return null;
        }
        at += read.length();
        return read.value();
    }

    @Override
    public int mark() {
        peek();
        return at;
    }

    /**
     * Only text that ends with a string, object or array is remembered: it ends where it says, so
     * text that starts with it holds the same values (a bare number could go on: 12 and 123).
     */
    @Override
    public <T> void remember(RecentValue<T> recent, int mark, T value) {
        char last = mark >= 0 && mark < at ? text.charAt(at - 1) : 0;
        if (last == '"' || last == '}' || last == ']') {
            recent.remember(text, mark, at, value);
        }
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

    /** A plain integer is read where it stands; anything else (a quoted or decimal long) as before. */
    @Override
    public long nextLong() throws IOException {
        long plain = plainLong();
        if (plain != NOT_PLAIN) {
            return plain;
        }
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
                    object.add(memberName(), nextTree());
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

    /**
     * The integer at the cursor, consumed, when it is {@code -?(0|[1-9][0-9]{0,17})} followed by a
     * delimiter, the form the framework writes versions in; otherwise {@link #NOT_PLAIN} and nothing
     * consumed, so that the general path reads (or refuses) it exactly as before.
     */
    private long plainLong() {
        boolean negative = peek() == '-';
        int digitsStart = negative ? at + 1 : at;
        int i = digitsStart;
        long value = 0;
        while (i < length && i - digitsStart < 18) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            i++;
        }
        int digits = i - digitsStart;
        boolean leadingZero = digits > 1 && text.charAt(digitsStart) == '0';
        if (digits == 0 || leadingZero || (i < length && !isDelimiter(text.charAt(i)))) {
            return NOT_PLAIN;
        }
        at = i;
        return negative ? -value : value;
    }

    /** What may follow a bare value: the end of its member or element, or whitespace. */
    private static boolean isDelimiter(char c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /** A member's name: quoted as the framework writes it, or bare (a number) as before. */
    private String memberName() throws IOException {
        if (peek() == '"') {
            return nextName();
        }
        String name = nextString();
        expect(':');
        return name;
    }

    /** Fails unless only whitespace follows what was read. */
    void requireEnd() throws IOException {
        if (at < length && peek() != 0) {
            throw new Unsupported("text after the value", at);
        }
    }

    /** Steps over {@code literal} when the text at the cursor is exactly it (no whitespace skipped); false if not. */
    boolean skip(String literal) {
        if (!text.startsWith(literal, at)) {
            return false;
        }
        at += literal.length();
        return true;
    }

    /** Steps over {@code c} when it is the character at the cursor (no whitespace skipped); false if not. */
    boolean skip(char c) {
        if (at >= length || text.charAt(at) != c) {
            return false;
        }
        at++;
        return true;
    }

    /**
     * The next character that is not whitespace (0 at the end), not consumed. Called several times
     * per member, so the usual case (no whitespace: the framework writes compact JSON) comes first.
     */
    private char peek() {
        if (at < length) {
            char c = text.charAt(at);
            if (c > ' ') {
                return c;
            }
        }
        while (at < length) {
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

    /** Where the string at the cursor closes when it is a string without escapes; -1 and nothing consumed if not. */
    private int plainStringAhead() {
        return peek() == '"' ? plainEnd(at + 1) : -1;
    }

    /**
     * The index of the quote that closes the string whose first character is at {@code start}, or
     * -1 when the string holds an escape before it (or never closes): then it is read character by
     * character. Both searches are {@code indexOf}, which the JIT turns into vector instructions.
     */
    private int plainEnd(int start) {
        int end = text.indexOf('"', start);
        if (nextEscape < start) {
            int escape = text.indexOf('\\', start);
            nextEscape = escape < 0 ? Integer.MAX_VALUE : escape;
        }
        return end < 0 || nextEscape < end ? -1 : end;
    }

    private String quoted() throws IOException {
        int start = at + 1;
        int end = plainEnd(start);
        if (end < 0) {
            return unescaped(start);
        }
        at = end + 1;
        return text.substring(start, end);
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

    /**
     * Member names a format uses, in a table built once and looked up by the first two characters
     * of a name: a known name is recognised without first searching for its closing quote.
     */
    static final class Names {
        private final String[] slots;

        Names(String... names) {
            int size = Integer.highestOneBit(names.length * 4);
            slots = new String[size];
            for (String name : names) {
                if (name.length() < 2 || name.indexOf('"') >= 0 || name.indexOf('\\') >= 0) {
                    throw new IllegalArgumentException("a known name has two characters or more, no quote, no escape: "
                            + name);
                }
                int slot = slot(name, 0, size - 1);
                while (slots[slot] != null) {
                    slot = (slot + 1) & (size - 1);
                }
                slots[slot] = name;
            }
        }

        /**
         * The known name quoted in the text from {@code start} (its first character) to the closing
         * quote right after it, or null. A name holds no quote or backslash, so text that repeats it
         * and then closes is exactly that name.
         */
        String find(String text, int start) {
            if (start + 2 > text.length()) {
                return null;
            }
            int mask = slots.length - 1;
            for (int slot = slot(text, start, mask); slots[slot] != null; slot = (slot + 1) & mask) {
                String name = slots[slot];
                int end = start + name.length();
                if (end < text.length() && text.charAt(end) == '"' && text.startsWith(name, start)) {
                    return name;
                }
            }
            return null;
        }

        private static int slot(String text, int start, int mask) {
            int mixed = text.charAt(start) * 31 + text.charAt(start + 1);
            return (mixed ^ (mixed >>> 5)) & mask;
        }
    }
}
