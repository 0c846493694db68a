package dev.foldline.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An idempotency key an aggregate has committed, remembered so that a retry with the key is
 * answered with the original result instead of running again.
 *
 * @param fingerprint what the keyed request asked for; a retry must match it
 * @param version     the version of the envelope the key produced
 */
public record RecordedKey(String key, String fingerprint, long version, Instant committedAt) {

    public RecordedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(committedAt, "committedAt");
    }

    /** The key an envelope carries, if it carries one. */
    public static RecordedKey of(Envelope envelope) {
        return envelope.idempotencyKey() == null ? null
                : new RecordedKey(envelope.idempotencyKey(), envelope.fingerprint(), envelope.version(),
                        envelope.committedAt());
    }
}
