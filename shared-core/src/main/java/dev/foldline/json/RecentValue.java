package dev.foldline.json;

/**
 * The last one or two values of one kind read from stored text, each with the text it was read
 * from. A JSON value that ends where its text says (a string, an object) is the same value wherever
 * that same text stands, so text that starts with it is answered with the value instead of being
 * read again: an envelope's actor, which a stream's envelopes mostly repeat, is a quarter of an
 * envelope's text. Values must be immutable.
 *
 * <p>Two where that helps (a stream two actors take turns on still finds its actor). An entry keeps
 * a copy of its text, which {@code indexOf} compares, and so does not keep the stored text it was
 * read from reachable. Shared by every thread without a lock: entries are immutable and replaced
 * whole, so a thread sees an older or a newer entry, never a torn one, and a lost entry only costs
 * a read.
 */
final class RecentValue<T> {

    /** A value and the text it was read from. */
    record Read<T>(String text, T value) {

        int length() {
            return text.length();
        }

        /**
         * Whether the stored text at {@code at} starts with this text. Asked of {@code indexOf}, which
         * the JIT compiles to vector compares: an envelope's stream and actor are ~170 characters,
         * which {@code regionMatches}, byte by byte, took a third of a replayed event to compare. On a
         * mismatch it searches the rest of the text, also by vector: one more pass over ~400 characters.
         */
        boolean standsAt(String stored, int at) {
            return at + text.length() <= stored.length() && stored.indexOf(text, at) == at;
        }
    }

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
        latest = new Read<>(text.substring(start, end), value);
    }
}
