package dev.foldline.store;

import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import java.util.List;
import java.util.Optional;

/**
 * What a load returns: the newest snapshot past the caller's version (if any) and the envelopes
 * after the later of the two, in version order.
 */
public record StreamSlice(Optional<Snapshot> snapshot, List<Envelope> envelopes) {

    public StreamSlice {
        envelopes = List.copyOf(envelopes);
    }
}
