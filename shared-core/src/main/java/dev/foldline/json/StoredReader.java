package dev.foldline.json;

import com.google.gson.JsonElement;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.time.Instant;

/**
 * What the codecs read stored JSON with: {@link StoredText} over the text itself, for what the
 * framework writes, or gson's reader, for anything else.
 */
interface StoredReader {

    void beginObject() throws IOException;

    void endObject() throws IOException;

    void beginArray() throws IOException;

    void endArray() throws IOException;

    boolean hasNext() throws IOException;

    String nextName() throws IOException;

    String nextString() throws IOException;

    /** A string that other stored texts likely hold too (see {@link RecentStrings}). */
    String nextRecurringString() throws IOException;

    /** A string in the form {@link Instant#toString()} writes, as an instant. */
    Instant nextInstant() throws IOException;

    /**
     * The value {@code read} reads at the cursor or, when the text there is the text {@code recent}
     * was last read from, that value again without reading it.
     */
    default <T> T nextRecurring(RecentValue<T> recent, ValueReader<T> read) throws IOException {
        T known = skipRecent(recent);
        if (known != null) {
            return known;
        }
        int start = mark();
        T value = read.read(this);
        remember(recent, start, value);
        return value;
    }

    /**
     * When the text at the cursor starts with the text {@code recent} was last read from, steps over
     * it and answers its value; otherwise null, nothing consumed. Only {@link StoredText} can tell.
     */
    <T> T skipRecent(RecentValue<T> recent);

    /** Where the next value or member starts, for {@link #remember}; -1 where the text is not at hand. */
    int mark();

    /** Remembers {@code value} as what the text from {@code mark} to the cursor reads as. */
    <T> void remember(RecentValue<T> recent, int mark, T value);

    /** Reads one value. */
    interface ValueReader<T> {
        T read(StoredReader reader) throws IOException;
    }

    long nextLong() throws IOException;

    int nextInt() throws IOException;

    /** Consumes a null and answers true, or answers false and consumes nothing. */
    boolean nextIsNull() throws IOException;

    void skipValue() throws IOException;

    JsonElement nextTree() throws IOException;

    /** gson's reader, lenient (stored data may hold a bare NaN), behind the same operations. */
    static StoredReader of(JsonReader reader) {
        return new StoredReader() {
            @Override
            public void beginObject() throws IOException {
                reader.beginObject();
            }

            @Override
            public void endObject() throws IOException {
                reader.endObject();
            }

            @Override
            public void beginArray() throws IOException {
                reader.beginArray();
            }

            @Override
            public void endArray() throws IOException {
                reader.endArray();
            }

            @Override
            public boolean hasNext() throws IOException {
                return reader.hasNext();
            }

            @Override
            public String nextName() throws IOException {
                return reader.nextName();
            }

            @Override
            public String nextString() throws IOException {
                return reader.nextString();
            }

            @Override
            public String nextRecurringString() throws IOException {
                return reader.nextString();
            }

            @Override
            public Instant nextInstant() throws IOException {
                return IsoInstants.parse(reader.nextString());
            }

            @Override
            public <T> T skipRecent(RecentValue<T> recent) {
                return null;
            }

            @Override
            public int mark() {
                return -1;
            }

            @Override
            public <T> void remember(RecentValue<T> recent, int mark, T value) {
                // gson's reader does not show the text, and without it nothing is remembered
            }

            @Override
            public long nextLong() throws IOException {
                return reader.nextLong();
            }

            @Override
            public int nextInt() throws IOException {
                return reader.nextInt();
            }

            @Override
            public boolean nextIsNull() throws IOException {
                if (reader.peek() != JsonToken.NULL) {
                    return false;
                }
                reader.nextNull();
                return true;
            }

            @Override
            public void skipValue() throws IOException {
                reader.skipValue();
            }

            @Override
            public JsonElement nextTree() throws IOException {
                return Json.readTree(reader);
            }
        };
    }
}
