package dev.foldline.json;

/**
 * The last one or two values of one kind read from stored text, each with the text it was read
 * from. A JSON value that ends where its text says (a string, an object) is the same value wherever
 * that same text stands, so text that starts with it is answered with the value instead of being
 * read again: an envelope's actor, which a stream's envelopes mostly repeat, is a quarter of an
 * envelope's text. Values must be immutable.
 *
 * <p>Two where that helps (a stream two actors take turns on still finds its actor). The text is
 * not copied: an entry points into the stored text it was read from, which it keeps reachable until
 * it is replaced (unless that text is large). Shared by every thread without a lock: entries are
 * immutable and replaced whole, so a thread sees an older or a newer entry, never a torn one, and a
 * lost entry only costs a read.
 */
final class RecentValue<T> {

    /** A value and where it was read: {@code length} characters of {@code source} from {@code start}. */
    record Read<T>(String source, int start, int length, T value) {

        boolean standsAt(String text, int at) {
            return text.regionMatches(at, source, start, length);
        }
    }

    /** A stored text longer than this is not kept reachable by an entry (an envelope is about 400 characters). */
    private static final int LARGE_TEXT = 4096;

    private final boolean keepsTwo;
    private Read<T> latest;
    private Read<T> earlier;

    /** Keeps the last value and, with {@code keepsTwo}, the one before: a miss compares with each. */
    RecentValue(boolean keepsTwo) {
        this.keepsTwo = keepsTwo;
    }

    /** The kept value whose text the text at {@code at} starts with, or null. */
    Read<T> readAt(String text, int at) {
        Read<T> read = latest;
        if (read != null && read.standsAt(text, at)) {
            return read;
        }
        read = earlier;
        return read != null && read.standsAt(text, at) ? read : null;
    }

    /** Keeps {@code value} as what the text from {@code start} to {@code end} reads as, in place of the older. */
    void remember(String text, int start, int end, T value) {
        earlier = keepsTwo ? latest : null;
        // Pointing into a large text would keep all of it reachable: its slice is copied instead.
        latest = text.length() > LARGE_TEXT ? new Read<>(text.substring(start, end), 0, end - start, value)
                : new Read<>(text, start, end - start, value);
    }
}
