package dev.foldline.aws.dynamodb;

import static dev.foldline.aws.dynamodb.ConditionalWrite.conditionally;

import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checkpoints in the same table as the envelopes, one partition per tenant ({@code cp#tenant}),
 * the key as sort key so that a prefix is a {@code begins_with} query. Compare-and-set is a
 * condition on the {@code rev} attribute.
 */
final class DynamoDbCheckpointStore implements CheckpointStore {

    private final DynamoDbTable<StoreItem> table;

    DynamoDbCheckpointStore(DynamoDbTable<StoreItem> table) {
        this.table = table;
    }

    @Override
    public Optional<Checkpoint> read(String tenant, String key) {
        StoreItem item = table.getItem(GetItemEnhancedRequest.builder().key(key(tenant, key)).consistentRead(true).build());
        return Optional.ofNullable(item).map(DynamoDbCheckpointStore::checkpoint);
    }

    @Override
    public boolean write(String tenant, String key, String value, long expectedRevision) {
        StoreItem item = new StoreItem();
        item.setPk(Keys.checkpointPartition(tenant));
        item.setSk(key);
        item.setKind(StoreItem.KIND_CHECKPOINT);
        item.setValue(value);
        item.setRevision(expectedRevision + 1);
        return conditionally(() -> table.putItem(PutItemEnhancedRequest.builder(StoreItem.class)
                .item(item)
                .conditionExpression(expectedRevision == Checkpoint.ABSENT
                        ? Expression.builder().expression("attribute_not_exists(" + StoreItem.PK + ")").build()
                        : atRevision(expectedRevision))
                .build()));
    }

    @Override
    public boolean delete(String tenant, String key, long expectedRevision) {
        return conditionally(() -> table.deleteItem(DeleteItemEnhancedRequest.builder()
                .key(key(tenant, key))
                .conditionExpression(atRevision(expectedRevision))
                .build()));
    }

    @Override
    public Map<String, Checkpoint> list(String tenant, String keyPrefix) {
        Key partition = Key.builder().partitionValue(Keys.checkpointPartition(tenant)).sortValue(keyPrefix).build();
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(keyPrefix.isEmpty()
                        ? QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.checkpointPartition(tenant)).build())
                        : QueryConditional.sortBeginsWith(partition))
                .consistentRead(true)
                .build();
        Map<String, Checkpoint> found = new LinkedHashMap<>();
        for (StoreItem item : table.query(request).items()) {
            found.put(item.getSk(), checkpoint(item));
        }
        return found;
    }

    private static Expression atRevision(long revision) {
        return Expression.builder()
                .expression("#rev = :rev")
                .putExpressionName("#rev", StoreItem.REVISION)
                .putExpressionValue(":rev", AttributeValue.fromN(Long.toString(revision)))
                .build();
    }

    private static Key key(String tenant, String key) {
        return Key.builder().partitionValue(Keys.checkpointPartition(tenant)).sortValue(key).build();
    }

    private static Checkpoint checkpoint(StoreItem item) {
        return new Checkpoint(item.getValue(), item.getRevision());
    }
}
