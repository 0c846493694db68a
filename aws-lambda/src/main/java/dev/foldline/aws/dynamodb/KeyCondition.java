package dev.foldline.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The key condition of a Query on the table or its tenant index: one partition, and optionally a
 * range of its sort keys. Attribute names go through placeholders ({@code #p}, {@code #s}), values
 * through {@code :p}, {@code :s} and {@code :t}.
 */
record KeyCondition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    /** The whole partition. */
    static KeyCondition partition(String partitionKey, String partition) {
        return new KeyCondition("#p = :p", Map.of("#p", partitionKey), Map.of(":p", AttributeValue.fromS(partition)));
    }

    /** The partition's items whose sort key compares to {@code sort} by {@code operator} ({@code >}, {@code <=}, {@code >=}). */
    static KeyCondition sorted(String partitionKey, String partition, String sortKey, String operator, String sort) {
        return new KeyCondition("#p = :p AND #s " + operator + " :s", Map.of("#p", partitionKey, "#s", sortKey),
                Map.of(":p", AttributeValue.fromS(partition), ":s", AttributeValue.fromS(sort)));
    }

    /** The partition's items whose sort key lies between {@code from} and {@code to}, both included. */
    static KeyCondition between(String partitionKey, String partition, String sortKey, String from, String to) {
        return new KeyCondition("#p = :p AND #s BETWEEN :s AND :t", Map.of("#p", partitionKey, "#s", sortKey),
                Map.of(":p", AttributeValue.fromS(partition), ":s", AttributeValue.fromS(from), ":t", AttributeValue.fromS(to)));
    }

    /** The partition's items whose sort key starts with {@code prefix}. */
    static KeyCondition beginsWith(String partitionKey, String partition, String sortKey, String prefix) {
        return new KeyCondition("#p = :p AND begins_with(#s, :s)", Map.of("#p", partitionKey, "#s", sortKey),
                Map.of(":p", AttributeValue.fromS(partition), ":s", AttributeValue.fromS(prefix)));
    }

    /** A Query on the table (or, with {@code indexName}, on one of its indexes) for this condition. */
    QueryRequest.Builder query(String tableName) {
        return QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression(expression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
    }
}
