package dev.foldline.json;

/**
 * The last value of one kind read from stored text, with the exact text it was read from. A JSON
 * value ends where its text says, so text that starts with that same text holds that same value,
 * which is answered again instead of being read (an envelope's actor: a stream's envelopes mostly
 * repeat it, and it is a quarter of an envelope's text). Values must be immutable.
 *
 * <p>Shared by every thread without a lock: the entry is immutable and replaced whole, so a
 * thread sees an older or a newer entry, never a torn one, and a miss only costs a read.
 */
final class RecentValue<T> {

    /** A value and the text it was read from. */
    record Read<T>(String text, T value) {
    }

    private Read<T> last;

    Read<T> last() {
        return last;
    }

    void remember(String text, T value) {
        last = new Read<>(text, value);
    }
}
