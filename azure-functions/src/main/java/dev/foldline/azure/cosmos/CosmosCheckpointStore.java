package dev.foldline.azure.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checkpoints in their own container (so that their writes never reach the events' change feed),
 * one logical partition per tenant. Compare-and-set: a create for a new key (409 when it exists),
 * a patch with a filter on the revision otherwise (412 when it moved), both one request.
 *
 * <pre>
 * id = the key, base64url (Cosmos ids may not hold '/', '\', '?', '#'), or "h." + its SHA-256 when
 * that would pass Cosmos's 255 characters; space = "t:" + tenant; key; value; revision
 * </pre>
 */
final class CosmosCheckpointStore implements CheckpointStore {

    static final String PARTITION = "space";
    static final String KEY = "key";
    static final String VALUE = "value";
    static final String REVISION = "revision";
    private static final int MAX_ID_LENGTH = 255;

    private final CosmosContainer container;

    CosmosCheckpointStore(CosmosContainer container) {
        this.container = container;
    }

    @Override
    public Optional<Checkpoint> read(String tenant, String key) {
        return readDocument(tenant, key).map(CosmosCheckpointStore::checkpoint);
    }

    @Override
    public boolean write(String tenant, String key, String value, long expectedRevision) {
        if (expectedRevision == Checkpoint.ABSENT) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("id", id(key));
            doc.put(PARTITION, space(tenant));
            doc.put(KEY, key);
            doc.put(VALUE, value);
            doc.put(REVISION, 0L);
            return unlessRaceLost(() -> container.createItem(doc, partition(tenant), new CosmosItemRequestOptions()));
        }
        CosmosPatchItemRequestOptions options = new CosmosPatchItemRequestOptions();
        options.setFilterPredicate("FROM c WHERE c." + REVISION + " = " + expectedRevision);
        return unlessRaceLost(() -> container.patchItem(id(key), partition(tenant), CosmosPatchOperations.create()
                .set("/" + VALUE, value)
                .set("/" + REVISION, expectedRevision + 1), options, JsonNode.class));
    }

    @Override
    public boolean delete(String tenant, String key, long expectedRevision) {
        // Cosmos has no conditional delete on a property: check the revision, then delete at that ETag.
        Optional<JsonNode> current = readDocument(tenant, key);
        if (current.isEmpty() || current.get().get(REVISION).asLong() != expectedRevision) {
            return false;
        }
        return unlessRaceLost(() -> container.deleteItem(id(key), partition(tenant),
                new CosmosItemRequestOptions().setIfMatchETag(current.get().get("_etag").asText())));
    }

    @Override
    public Map<String, Checkpoint> list(String tenant, String keyPrefix) {
        SqlQuerySpec query = new SqlQuerySpec("SELECT * FROM c WHERE STARTSWITH(c." + KEY + ", @prefix)",
                new SqlParameter("@prefix", keyPrefix));
        Map<String, Checkpoint> sorted = new TreeMap<>();
        try {
            container.queryItems(query, new CosmosQueryRequestOptions().setPartitionKey(partition(tenant)), JsonNode.class)
                    .forEach(doc -> sorted.put(doc.get(KEY).asText(), checkpoint(doc)));
        } catch (CosmosException e) {
            throw CosmosFailures.translate(e);
        }
        return new LinkedHashMap<>(sorted);
    }

    private Optional<JsonNode> readDocument(String tenant, String key) {
        try {
            return Optional.of(container.readItem(id(key), partition(tenant), JsonNode.class).getItem());
        } catch (CosmosException e) {
            if (e.getStatusCode() == CosmosFailures.NOT_FOUND) {
                return Optional.empty();
            }
            throw CosmosFailures.translate(e);
        }
    }

    /**
     * Runs a conditional write: true when it was written, false when another writer got there
     * first (the key exists, moved on, or went away).
     */
    private static boolean unlessRaceLost(Runnable write) {
        try {
            write.run();
            return true;
        } catch (CosmosException e) {
            int status = e.getStatusCode();
            if (status == CosmosFailures.CONFLICT || status == CosmosFailures.PRECONDITION_FAILED
                    || status == CosmosFailures.NOT_FOUND) {
                return false;
            }
            throw CosmosFailures.translate(e);
        }
    }

    private static Checkpoint checkpoint(JsonNode doc) {
        return new Checkpoint(doc.get(VALUE).asText(), doc.get(REVISION).asLong());
    }

    private static String space(String tenant) {
        return "t:" + tenant;
    }

    private static PartitionKey partition(String tenant) {
        return new PartitionKey(space(tenant));
    }

    static String id(String key) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        return encoded.length() <= MAX_ID_LENGTH ? encoded : "h." + sha256(key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
