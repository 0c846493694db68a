package dev.foldline.aws.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.foldline.store.Checkpoint;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A checkpoint item of the Foldline table, mapped by the enhanced client's static schema (no
 * reflection): {@code pk = "cp#" tenant}, {@code sk = key}, {@code kind = "checkpoint"}, {@code value},
 * {@code rev}. Envelope items are mapped by hand ({@link StoreItem}) because they are on every
 * command's path, where the enhanced client's classes would lengthen a cold start; checkpoints are
 * the projections' and views' business.
 */
public final class CheckpointItem {

    static final TableSchema<CheckpointItem> SCHEMA = StaticTableSchema.builder(CheckpointItem.class)
            .newItemSupplier(CheckpointItem::new)
            .addAttribute(String.class, a -> a.name(StoreItem.PK).getter(CheckpointItem::getPk)
                    .setter(CheckpointItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(StoreItem.SK).getter(CheckpointItem::getSk)
                    .setter(CheckpointItem::setSk).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name(StoreItem.KIND).getter(CheckpointItem::getKind)
                    .setter(CheckpointItem::setKind))
            .addAttribute(String.class, a -> a.name(StoreItem.VALUE).getter(CheckpointItem::getValue)
                    .setter(CheckpointItem::setValue))
            .addAttribute(Long.class, a -> a.name(StoreItem.REVISION).getter(CheckpointItem::getRevision)
                    .setter(CheckpointItem::setRevision))
            .build();

    private String pk;
    private String sk;
    private String kind;
    private String value;
    private Long revision;

    static CheckpointItem of(String tenant, String key, String value, long revision) {
        CheckpointItem item = new CheckpointItem();
        item.pk = Keys.checkpointPartition(tenant);
        item.sk = key;
        item.kind = StoreItem.KIND_CHECKPOINT;
        item.value = value;
        item.revision = revision;
        return item;
    }

    Checkpoint checkpoint() {
        return new Checkpoint(value, revision);
    }

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
