package dev.foldline.json;

/**
 * The strings stored texts repeat from one to the next (a stream's tenant, aggregate type and id,
 * its command and event names, payload member names), kept so that reading one again allocates
 * nothing and answers a string whose hash is already computed (the appliers are looked up by event
 * name). A fixed number of slots, each holding the last string that fell into it.
 *
 * <p>Shared by every thread without a lock: a slot holds null or an immutable string, which any
 * thread may read even while another replaces it (a string's fields are final), and every hit is
 * compared character by character, so a lost or stale entry only costs an allocation.
 */
final class RecentStrings {

    static final RecentStrings SHARED = new RecentStrings(1024);
    /** Longer strings (ids, texts) rarely repeat; comparing them would cost more than it saves. */
    private static final int LONGEST = 64;

    private final String[] slots;

    private RecentStrings(int size) {
        slots = new String[size];
    }

    /** The text from {@code start} to {@code end}: a recent equal string, or a new one, remembered. */
    String of(String text, int start, int end) {
        if (end - start > LONGEST) {
            return text.substring(start, end);
        }
        int slot = slot(text, start, end);
        String recent = slots[slot];
        if (recent != null && recent.length() == end - start && text.startsWith(recent, start)) {
            return recent;
        }
        String read = text.substring(start, end);
        slots[slot] = read;
        return read;
    }

    /** From the length and three characters: cheaper than a hash of every character, as good here. */
    private int slot(String text, int start, int end) {
        int length = end - start;
        if (length == 0) {
            return 0;
        }
        int mixed = length * 961 + text.charAt(start) * 31 + text.charAt(start + length / 2) * 7 + text.charAt(end - 1);
        return (mixed ^ (mixed >>> 7)) & (slots.length - 1);
    }
}
