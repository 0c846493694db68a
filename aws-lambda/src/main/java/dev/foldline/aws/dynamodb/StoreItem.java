package dev.foldline.aws.dynamodb;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An envelope item of the Foldline table (with its snapshot, when one was taken at its version).
 * Mapped by hand to the low-level client's attribute maps, since envelopes are on every command's
 * path: the enhanced client's schema and converters loaded ~250 classes more on a cold start, for
 * eight strings. Checkpoint items, which only projections and views touch, are mapped by the
 * enhanced client ({@link CheckpointItem}).
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

    /** The item as DynamoDB stores it: the attributes that are set (a put leaves the others out). */
    Map<String, AttributeValue> toAttributes() {
        Map<String, AttributeValue> item = new HashMap<>();
        putString(item, PK, pk);
        putString(item, SK, sk);
        putString(item, KIND, kind);
        putString(item, ENVELOPE, envelope);
        putString(item, SNAPSHOT, snapshot);
        putString(item, IDEMPOTENCY_KEY, idempotencyKey);
        putString(item, TENANT_INDEX_PK, tenantIndexPk);
        putString(item, TENANT_INDEX_SK, tenantIndexSk);
        return item;
    }

    /** The item DynamoDB returned (all of it, or the attributes a read projected). */
    static StoreItem fromAttributes(Map<String, AttributeValue> attributes) {
        StoreItem item = new StoreItem();
        item.pk = string(attributes, PK);
        item.sk = string(attributes, SK);
        item.kind = string(attributes, KIND);
        item.envelope = string(attributes, ENVELOPE);
        item.snapshot = string(attributes, SNAPSHOT);
        item.idempotencyKey = string(attributes, IDEMPOTENCY_KEY);
        item.tenantIndexPk = string(attributes, TENANT_INDEX_PK);
        item.tenantIndexSk = string(attributes, TENANT_INDEX_SK);
        return item;
    }

    private static void putString(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String string(Map<String, AttributeValue> attributes, String name) {
        AttributeValue value = attributes.get(name);
        return value == null ? null : value.s();
    }

    private String pk;
    private String sk;
    private String kind;
    private String envelope;
    private String snapshot;
    private String idempotencyKey;
    private String tenantIndexPk;
    private String tenantIndexSk;

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
}
