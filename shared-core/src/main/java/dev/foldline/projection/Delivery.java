package dev.foldline.projection;

import dev.foldline.model.Envelope;
import java.util.Objects;

/**
 * One change record as a platform delivered it: the envelope it carries and the platform's
 * position of the record (a DynamoDB Streams sequence number, a Cosmos DB change feed LSN, a
 * CloudEvent id), which is what a partial retry names.
 *
 * @param <P> the platform's type of position
 */
public record Delivery<P>(P position, Envelope envelope) {

    public Delivery {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(envelope, "envelope");
    }
}
