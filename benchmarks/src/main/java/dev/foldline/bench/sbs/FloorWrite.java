package dev.foldline.bench.sbs;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The floor a warm command is compared with: the very PutItem the store last sent (same item,
 * same condition, same client), sent again bare under a fresh partition key, so the condition
 * holds and nothing but the SDK and the server is in the way.
 */
public final class FloorWrite implements ExecutionInterceptor {

    private final AtomicReference<PutItemRequest> lastPut = new AtomicReference<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest put) {
            lastPut.set(put);
        }
    }

    /** The request to repeat: the store's last PutItem. */
    public PutItemRequest template() {
        PutItemRequest put = lastPut.get();
        if (put == null) {
            throw new IllegalStateException("the store has sent no PutItem yet to copy");
        }
        return put;
    }

    /** Sends the template's item under {@code partitionKey} in the attribute {@code keyName}. */
    public static void send(DynamoDbClient client, PutItemRequest template, String keyName, String partitionKey) {
        Map<String, AttributeValue> item = new HashMap<>(template.item());
        item.put(keyName, AttributeValue.fromS(partitionKey));
        client.putItem(template.toBuilder().item(item).build());
    }

    /** DynamoDB's size of an item: attribute names and string values in UTF-8 (what this store writes). */
    public static int itemBytes(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += utf8(attribute.getKey());
            AttributeValue value = attribute.getValue();
            bytes += value.s() != null ? utf8(value.s()) : value.n() != null ? 21 : 0;
        }
        return bytes;
    }

    private static int utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
