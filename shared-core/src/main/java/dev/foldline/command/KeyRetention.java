package dev.foldline.command;

import dev.foldline.model.RecordedKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which idempotency keys an aggregate remembers: those committed within the retention window. Older
 * keys are forgotten (a retry that late runs as a new command); the envelopes keep them for audit.
 */
record KeyRetention(Duration window, Clock clock) {

    /** The remembered key, if it is still within the window. */
    RecordedKey find(Map<String, RecordedKey> known, String key) {
        RecordedKey recorded = known.get(key);
        return recorded == null || recorded.committedAt().isBefore(cutoff()) ? null : recorded;
    }

    /** The remembered keys plus the new ones, without those that left the window. */
    Map<String, RecordedKey> remember(Map<String, RecordedKey> known, Collection<RecordedKey> added) {
        if (known.isEmpty() && added.isEmpty()) {
            return known;
        }
        Instant cutoff = cutoff();
        Map<String, RecordedKey> kept = new HashMap<>();
        known.forEach((key, recorded) -> {
            if (!recorded.committedAt().isBefore(cutoff)) {
                kept.put(key, recorded);
            }
        });
        for (RecordedKey recorded : added) {
            if (!recorded.committedAt().isBefore(cutoff)) {
                kept.put(recorded.key(), recorded);
            }
        }
        return kept;
    }

    private Instant cutoff() {
        return clock.instant().minus(window);
    }
}
