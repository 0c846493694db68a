package dev.foldline.gcp.firestore;

import com.google.cloud.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The update time at which this process last saw each checkpoint document at a revision, so that
 * a compare-and-set can be one write conditional on that time. Bounded: the least recently used
 * entries go, which only costs the next write of such a key a transaction.
 */
final class SeenRevisions {

    private record Seen(long revision, Timestamp updateTime) {
    }

    private final Map<String, Seen> byPath;

    SeenRevisions(int capacity) {
        this.byPath = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(String path, long revision, Timestamp updateTime) {
        if (updateTime != null) {
            byPath.put(path, new Seen(revision, updateTime));
        }
    }

    /** When the document was seen at this revision, the update time it had then. */
    synchronized Optional<Timestamp> updateTime(String path, long revision) {
        Seen seen = byPath.get(path);
        return seen != null && seen.revision() == revision ? Optional.of(seen.updateTime()) : Optional.empty();
    }

    synchronized void forget(String path) {
        byPath.remove(path);
    }
}
