package dev.foldline.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Reads a table's stream through the Streams API, remembering where it stopped per shard. */
final class TableStream {

    private final DynamoDbStreamsClient streams;
    private final String arn;
    private final Map<String, String> iterators = new LinkedHashMap<>();

    TableStream(DynamoDbClient client, DynamoDbStreamsClient streams, String table) {
        this.streams = streams;
        this.arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    String arn() {
        return arn;
    }

    /** Everything on the stream since the last call (from the start on the first). */
    List<Record> readNew() {
        List<Record> records = new ArrayList<>();
        var shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
        for (var shard : shards) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(b -> b
                    .streamArn(arn).shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            while (iterator != null) {
                String current = iterator;
                var result = streams.getRecords(b -> b.shardIterator(current));
                records.addAll(result.records());
                iterator = result.nextShardIterator();
                if (iterator != null) {
                    iterators.put(shard.shardId(), iterator);
                }
                if (result.records().isEmpty()) {
                    break;
                }
            }
        }
        return records;
    }
}
