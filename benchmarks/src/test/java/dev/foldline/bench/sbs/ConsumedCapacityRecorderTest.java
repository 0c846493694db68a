package dev.foldline.bench.sbs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.aws.dynamodb.DynamoDbTables;
import dev.foldline.aws.dynamodb.StoreItem;
import dev.foldline.bench.LocalDynamoDbServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** On DynamoDB Local (which reports consumed capacity like DynamoDB), in the table layout the store uses. */
class ConsumedCapacityRecorderTest {

    private static final String TABLE = "capacity";
    private static final ConsumedCapacityRecorder CAPACITY = new ConsumedCapacityRecorder();
    private static final FloorWrite FLOOR = new FloorWrite();
    private static LocalDynamoDbServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        server = LocalDynamoDbServer.start();
        client = server.client(new BothInterceptors());
        DynamoDbTables.create(client, TABLE);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static PutItemRequest put(String pk, int valueBytes) {
        return PutItemRequest.builder().tableName(TABLE).item(Map.of(
                StoreItem.PK, AttributeValue.fromS(pk), StoreItem.SK, AttributeValue.fromS("0"),
                StoreItem.TENANT_INDEX_PK, AttributeValue.fromS("t#0"), StoreItem.TENANT_INDEX_SK, AttributeValue.fromS(pk),
                StoreItem.ENVELOPE, AttributeValue.fromS("e".repeat(valueBytes)))).build();
    }

    @Test
    void aSmallItemCostsOneWriteUnitInTheTableAndOneInTheIndexThatProjectsIt() {
        CAPACITY.start();
        client.putItem(put("small", 500));
        Map<String, ConsumedCapacityRecorder.Units> units = CAPACITY.stop();

        assertThat(units).containsEntry("PutItem", new ConsumedCapacityRecorder.Units(1.0, 1.0));
    }

    @Test
    void anItemOverOneKilobyteCostsAWriteUnitPerKilobyteStarted() {
        CAPACITY.start();
        client.putItem(put("large", 2500));

        assertThat(CAPACITY.stop().get("PutItem").table()).isEqualTo(3.0);
    }

    @Test
    void nothingIsAskedOrRecordedWhileStopped() {
        CAPACITY.stop();
        client.putItem(put("unasked", 10));

        assertThat(CAPACITY.stop()).isEmpty();
        assertThat(FLOOR.template().returnConsumedCapacityAsString()).isNull();
    }

    @Test
    void theFloorRepeatsTheLastPutUnderAFreshKey() {
        client.putItem(put("template", 100));
        FloorWrite.send(client, FLOOR.template(), StoreItem.PK, "copy");

        Map<String, AttributeValue> copy = client.getItem(b -> b.tableName(TABLE).consistentRead(true).key(Map.of(
                StoreItem.PK, AttributeValue.fromS("copy"), StoreItem.SK, AttributeValue.fromS("0")))).item();
        assertThat(copy.get(StoreItem.ENVELOPE).s()).hasSize(100);
        // names and values: pk "copy", sk "0", gpk "t#0", gsk "template", envelope 100 bytes
        assertThat(FloorWrite.itemBytes(copy)).isEqualTo(2 + 4 + 2 + 1 + 3 + 3 + 3 + 8 + 8 + 100);
    }

    /** The recorder asks and records; the floor sees the request as the store sent it. */
    private static final class BothInterceptors implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            FLOOR.beforeExecution(context, attributes);
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            return CAPACITY.modifyRequest(context, attributes);
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            CAPACITY.afterExecution(context, attributes);
        }
    }
}
