package dev.foldline.aws.dynamodb;

import static dev.foldline.aws.dynamodb.ConditionalWrite.conditionally;

import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Checkpoints in the same table as the envelopes, one partition per tenant ({@code cp#tenant}),
 * the key as sort key so that a prefix is a {@code begins_with} query. Compare-and-set is a
 * condition on the {@code rev} attribute.
 */
final class DynamoDbCheckpointStore implements CheckpointStore {

    private static final String ABSENT = "attribute_not_exists(" + StoreItem.PK + ")";
    private static final String AT_REVISION = "#rev = :rev";

    private final DynamoDbClient client;
    private final String table;

    DynamoDbCheckpointStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<Checkpoint> read(String tenant, String key) {
        var response = client.getItem(get -> get.tableName(table).key(key(tenant, key)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(checkpoint(StoreItem.fromAttributes(response.item())))
                : Optional.empty();
    }

    @Override
    public boolean write(String tenant, String key, String value, long expectedRevision) {
        StoreItem item = new StoreItem();
        item.setPk(Keys.checkpointPartition(tenant));
        item.setSk(key);
        item.setKind(StoreItem.KIND_CHECKPOINT);
        item.setValue(value);
        item.setRevision(expectedRevision + 1);
        return conditionally(() -> client.putItem(put -> {
            put.tableName(table).item(item.toAttributes());
            if (expectedRevision == Checkpoint.ABSENT) {
                put.conditionExpression(ABSENT);
            } else {
                put.conditionExpression(AT_REVISION)
                        .expressionAttributeNames(Map.of("#rev", StoreItem.REVISION))
                        .expressionAttributeValues(revision(expectedRevision));
            }
        }));
    }

    @Override
    public boolean delete(String tenant, String key, long expectedRevision) {
        return conditionally(() -> client.deleteItem(delete -> delete.tableName(table)
                .key(key(tenant, key))
                .conditionExpression(AT_REVISION)
                .expressionAttributeNames(Map.of("#rev", StoreItem.REVISION))
                .expressionAttributeValues(revision(expectedRevision))));
    }

    @Override
    public Map<String, Checkpoint> list(String tenant, String keyPrefix) {
        String partition = Keys.checkpointPartition(tenant);
        KeyCondition condition = keyPrefix.isEmpty()
                ? KeyCondition.partition(StoreItem.PK, partition)
                : KeyCondition.beginsWith(StoreItem.PK, partition, StoreItem.SK, keyPrefix);
        Map<String, Checkpoint> found = new LinkedHashMap<>();
        for (QueryResponse page : client.queryPaginator(condition.query(table).consistentRead(true).build())) {
            for (StoreItem item : DynamoDbEventStore.items(page)) {
                found.put(item.getSk(), checkpoint(item));
            }
        }
        return found;
    }

    private static Map<String, AttributeValue> revision(long revision) {
        return Map.of(":rev", AttributeValue.fromN(Long.toString(revision)));
    }

    private static Map<String, AttributeValue> key(String tenant, String key) {
        return Map.of(StoreItem.PK, AttributeValue.fromS(Keys.checkpointPartition(tenant)), StoreItem.SK, AttributeValue.fromS(key));
    }

    private static Checkpoint checkpoint(StoreItem item) {
        return new Checkpoint(item.getValue(), item.getRevision());
    }
}
