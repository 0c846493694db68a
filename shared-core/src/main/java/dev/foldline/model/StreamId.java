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

    // Written out, not left to the record: the generated ones link through an ObjectMethods
    // bootstrap on their first call (~5 ms of method-handle spinning on a cold JVM), and the
    // command handler's cache hashes a StreamId in every cold start's first command.
    @Override
    public boolean equals(Object other) {
        return other instanceof StreamId that && tenant.equals(that.tenant) && aggregateType.equals(that.aggregateType)
                && aggregateId.equals(that.aggregateId);
    }

    @Override
    public int hashCode() {
        return (tenant.hashCode() * 31 + aggregateType.hashCode()) * 31 + aggregateId.hashCode();
    }

    @Override
    public String toString() {
        return tenant + "/" + aggregateType + "/" + aggregateId;
    }
}
