package dev.foldline.model;

import java.util.Objects;

/** The identity of one aggregate's stream of envelopes: tenant, aggregate type and id. */
public record StreamId(String tenant, String aggregateType, String aggregateId) {

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
