package dev.foldline.model;

import java.util.Objects;

/** The identity of one aggregate's stream of envelopes: tenant, aggregate type and id. */
public record StreamId(String tenant, String aggregateType, String aggregateId) {

    /** The longest aggregate id or aggregate type name a request may name (the HTTP contract's documented limit). */
    public static final int MAX_NAME_LENGTH = 256;

    public StreamId {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    @Override
    public String toString() {
        return tenant + "/" + aggregateType + "/" + aggregateId;
    }
}
