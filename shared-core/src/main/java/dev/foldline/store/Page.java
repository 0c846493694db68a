package dev.foldline.store;

import dev.foldline.model.Envelope;
import java.util.List;

/**
 * One page of a tenant's envelopes.
 *
 * @param envelopes    each aggregate's envelopes by version
 * @param nextPosition where to resume; never past an envelope the reader has not been given
 * @param more         whether the store knows of envelopes beyond this page
 */
public record Page(List<Envelope> envelopes, String nextPosition, boolean more) {

    public Page {
        envelopes = List.copyOf(envelopes);
    }
}
