package dev.foldline.aws.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One item of the Foldline table: an envelope (with its snapshot, when one was taken at its
 * version) or a checkpoint. Mapped by a static schema, not by reflection, to keep cold starts short.
 *
 * <pre>
 * envelope:   pk = "ev#" tenant "#" type "#" id   sk = version (19 digits)
 *             kind = "envelope", envelope = EnvelopeCodec JSON, snapshot = state JSON (optional),
 *             ikey = idempotency key (optional), gpk/gsk = the tenant index keys
 * checkpoint: pk = "cp#" tenant                   sk = key
 *             kind = "checkpoint", value, rev
 * </pre>
 */
public final class StoreItem {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String KIND = "kind";
    public static final String ENVELOPE = "envelope";
    public static final String SNAPSHOT = "snapshot";
    public static final String IDEMPOTENCY_KEY = "ikey";
    public static final String TENANT_INDEX_PK = "gpk";
    public static final String TENANT_INDEX_SK = "gsk";
    public static final String VALUE = "value";
    public static final String REVISION = "rev";

    public static final String KIND_ENVELOPE = "envelope";
    public static final String KIND_CHECKPOINT = "checkpoint";

    /** The global secondary index that orders a tenant's envelopes by commit stamp. */
    public static final String TENANT_INDEX = "byTenant";

    public static final TableSchema<StoreItem> SCHEMA = StaticTableSchema.builder(StoreItem.class)
            .newItemSupplier(StoreItem::new)
            .addAttribute(String.class, a -> a.name(PK).getter(StoreItem::getPk).setter(StoreItem::setPk)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(SK).getter(StoreItem::getSk).setter(StoreItem::setSk)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name(KIND).getter(StoreItem::getKind).setter(StoreItem::setKind))
            .addAttribute(String.class, a -> a.name(ENVELOPE).getter(StoreItem::getEnvelope)
                    .setter(StoreItem::setEnvelope))
            .addAttribute(String.class, a -> a.name(SNAPSHOT).getter(StoreItem::getSnapshot)
                    .setter(StoreItem::setSnapshot))
            .addAttribute(String.class, a -> a.name(IDEMPOTENCY_KEY).getter(StoreItem::getIdempotencyKey)
                    .setter(StoreItem::setIdempotencyKey))
            .addAttribute(String.class, a -> a.name(TENANT_INDEX_PK).getter(StoreItem::getTenantIndexPk)
                    .setter(StoreItem::setTenantIndexPk).tags(secondaryPartitionKey(TENANT_INDEX)))
            .addAttribute(String.class, a -> a.name(TENANT_INDEX_SK).getter(StoreItem::getTenantIndexSk)
                    .setter(StoreItem::setTenantIndexSk).tags(secondarySortKey(TENANT_INDEX)))
            .addAttribute(String.class, a -> a.name(VALUE).getter(StoreItem::getValue).setter(StoreItem::setValue))
            .addAttribute(Long.class, a -> a.name(REVISION).getter(StoreItem::getRevision)
                    .setter(StoreItem::setRevision))
            .build();

    private String pk;
    private String sk;
    private String kind;
    private String envelope;
    private String snapshot;
    private String idempotencyKey;
    private String tenantIndexPk;
    private String tenantIndexSk;
    private String value;
    private Long revision;

    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getEnvelope() {
        return envelope;
    }

    public void setEnvelope(String envelope) {
        this.envelope = envelope;
    }

    public String getSnapshot() {
        return snapshot;
    }

    public void setSnapshot(String snapshot) {
        this.snapshot = snapshot;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getTenantIndexPk() {
        return tenantIndexPk;
    }

    public void setTenantIndexPk(String tenantIndexPk) {
        this.tenantIndexPk = tenantIndexPk;
    }

    public String getTenantIndexSk() {
        return tenantIndexSk;
    }

    public void setTenantIndexSk(String tenantIndexSk) {
        this.tenantIndexSk = tenantIndexSk;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public Long getRevision() {
        return revision;
    }

    public void setRevision(Long revision) {
        this.revision = revision;
    }
}
