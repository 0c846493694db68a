package dev.foldline.aws.dynamodb;

import static dev.foldline.aws.dynamodb.ConditionalWrite.conditionally;

import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checkpoints in the same table as the envelopes, one partition per tenant ({@code cp#tenant}),
 * the key as sort key so that a prefix is a {@code begins_with} query, through the enhanced
 * client ({@link CheckpointItem}). Compare-and-set is a condition on the {@code rev} attribute.
 * The enhanced table is built on first use: a command function that never touches a checkpoint
 * never loads the enhanced client.
 */
final class DynamoDbCheckpointStore implements CheckpointStore {

    private final DynamoDbClient client;
    private final String tableName;
    private volatile DynamoDbTable<CheckpointItem> table;

    DynamoDbCheckpointStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Optional<Checkpoint> read(String tenant, String key) {
        CheckpointItem item = table().getItem(GetItemEnhancedRequest.builder().key(key(tenant, key)).consistentRead(true)
                .build());
        return Optional.ofNullable(item).map(CheckpointItem::checkpoint);
    }

    @Override
    public boolean write(String tenant, String key, String value, long expectedRevision) {
        return conditionally(() -> table().putItem(PutItemEnhancedRequest.builder(CheckpointItem.class)
                .item(CheckpointItem.of(tenant, key, value, expectedRevision + 1))
                .conditionExpression(expectedRevision == Checkpoint.ABSENT
                        ? Expression.builder().expression("attribute_not_exists(" + StoreItem.PK + ")").build()
                        : atRevision(expectedRevision))
                .build()));
    }

    @Override
    public boolean delete(String tenant, String key, long expectedRevision) {
        return conditionally(() -> table().deleteItem(DeleteItemEnhancedRequest.builder()
                .key(key(tenant, key))
                .conditionExpression(atRevision(expectedRevision))
                .build()));
    }

    @Override
    public Map<String, Checkpoint> list(String tenant, String keyPrefix) {
        String partition = Keys.checkpointPartition(tenant);
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(keyPrefix.isEmpty()
                        ? QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build())
                        : QueryConditional.sortBeginsWith(Key.builder().partitionValue(partition).sortValue(keyPrefix).build()))
                .consistentRead(true)
                .build();
        Map<String, Checkpoint> found = new LinkedHashMap<>();
        for (CheckpointItem item : table().query(request).items()) {
            found.put(item.getSk(), item.checkpoint());
        }
        return found;
    }

    private DynamoDbTable<CheckpointItem> table() {
        DynamoDbTable<CheckpointItem> built = table;
        if (built == null) {
            synchronized (this) {
                if (table == null) {
                    table = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build()
                            .table(tableName, CheckpointItem.SCHEMA);
                }
                built = table;
            }
        }
        return built;
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
}
