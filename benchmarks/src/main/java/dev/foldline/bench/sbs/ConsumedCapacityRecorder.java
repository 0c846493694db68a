package dev.foldline.bench.sbs;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Asks DynamoDB for the capacity each request consumes ({@code ReturnConsumedCapacity=INDEXES})
 * while switched on, and adds it up by operation, the table's share apart from the indexes'.
 * Only the benchmark's client carries it: the store's own requests do not ask, and timed runs
 * happen with it switched off.
 */
public final class ConsumedCapacityRecorder implements ExecutionInterceptor {

    /** Capacity units by operation: the table's and its global secondary indexes'. */
    public record Units(double table, double indexes) {
    }

    private volatile boolean asking;
    private final Map<String, DoubleAdder[]> byOperation = new ConcurrentHashMap<>();

    public void start() {
        byOperation.clear();
        asking = true;
    }

    /** Stops asking and returns what was consumed since {@link #start}, by operation. */
    public Map<String, Units> stop() {
        asking = false;
        Map<String, Units> units = new TreeMap<>();
        byOperation.forEach((operation, sums) -> units.put(operation, new Units(sums[0].sum(), sums[1].sum())));
        return units;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!asking) {
            return context.request();
        }
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest put) {
            return put.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!asking) {
            return;
        }
        ConsumedCapacity consumed = consumedBy(context.response());
        if (consumed == null) {
            return;
        }
        DoubleAdder[] sums = byOperation.computeIfAbsent(operationOf(context.request()),
                name -> new DoubleAdder[] {new DoubleAdder(), new DoubleAdder()});
        sums[0].add(consumed.table() == null ? 0 : consumed.table().capacityUnits());
        consumed.globalSecondaryIndexes().values().forEach(index -> sums[1].add(index.capacityUnits()));
    }

    private static ConsumedCapacity consumedBy(Object response) {
        if (response instanceof PutItemResponse put) {
            return put.consumedCapacity();
        }
        if (response instanceof QueryResponse query) {
            return query.consumedCapacity();
        }
        if (response instanceof GetItemResponse get) {
            return get.consumedCapacity();
        }
        return null;
    }

    private static String operationOf(SdkRequest request) {
        String name = request.getClass().getSimpleName();
        return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    }
}
