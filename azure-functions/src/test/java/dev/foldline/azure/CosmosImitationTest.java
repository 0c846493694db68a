package dev.foldline.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosBatch;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.CosmosChangeFeedRequestOptions;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedRange;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The compatibility layer's own behaviours, each checked through the Java SDK the store uses: what
 * the raw server gets wrong (see the module README) is what the layer must get right.
 */
@ExtendWith(CosmosImitation.class)
class CosmosImitationTest {

    private static CosmosContainer container;

    @BeforeAll
    static void createContainer() {
        var database = CosmosImitation.client().createDatabaseIfNotExists("imitation-" + UUID.randomUUID())
                .getProperties().getId();
        var db = CosmosImitation.client().getDatabase(database);
        db.createContainer(new CosmosContainerProperties("items", "/pk"));
        container = db.getContainer("items");
    }

    private static ObjectNode item(String pk, String id, int n) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("pk", pk);
        node.put("n", n);
        return node;
    }

    @Test
    void reading_a_missing_document_is_a_404() {
        assertThatThrownBy(() -> container.readItem("nothing", new PartitionKey("p"), ObjectNode.class))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void a_document_in_another_partition_than_the_request_names_is_refused() {
        CosmosItemRequestOptions options = new CosmosItemRequestOptions();
        assertThatThrownBy(() -> container.createItem(item("p1", "x", 1), new PartitionKey("p2"), options))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void a_query_with_a_partition_key_sees_only_that_partition() {
        String pk = "q-" + UUID.randomUUID();
        container.createItem(item(pk, "a", 2));
        container.createItem(item(pk, "b", 1));
        container.createItem(item(pk + "-other", "a", 3));

        List<ObjectNode> found = container.queryItems(
                new SqlQuerySpec("SELECT * FROM c WHERE c.n > @n ORDER BY c.n", new SqlParameter("@n", 0)),
                new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey(pk)), ObjectNode.class)
                .stream().toList();

        assertThat(found).extracting(n -> n.get("n").asInt()).containsExactly(1, 2);
    }

    @Test
    void a_cross_partition_query_pages_in_order() {
        String tag = "x-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            ObjectNode node = item(tag + "-" + i, "doc", 5 - i);
            node.put("tag", tag);
            container.createItem(node);
        }

        List<Integer> seen = new ArrayList<>();
        for (FeedResponse<ObjectNode> page : container.queryItems(
                new SqlQuerySpec("SELECT * FROM c WHERE c.tag = @tag ORDER BY c.n", new SqlParameter("@tag", tag)),
                new CosmosQueryRequestOptions(), ObjectNode.class).iterableByPage(2)) {
            assertThat(page.getResults().size()).isLessThanOrEqualTo(2);
            page.getResults().forEach(n -> seen.add(n.get("n").asInt()));
        }

        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void the_change_feed_resumes_from_its_continuation_with_only_newer_changes() {
        String pk = "cf-" + UUID.randomUUID();
        FeedRange partition = FeedRange.forLogicalPartition(new PartitionKey(pk));
        container.createItem(item(pk, "a", 1));
        container.createItem(item(pk, "b", 1));

        List<String> first = new ArrayList<>();
        String continuation = drain(CosmosChangeFeedRequestOptions.createForProcessingFromBeginning(partition), first);
        container.upsertItem(item(pk, "a", 2));
        container.createItem(item(pk, "c", 1));
        List<String> second = new ArrayList<>();
        drain(CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(continuation), second);

        assertThat(first).containsExactly("a1", "b1");
        assertThat(second).containsExactly("a2", "c1");
    }

    @Test
    void a_batch_whose_second_operation_conflicts_writes_nothing() {
        String pk = "batch-" + UUID.randomUUID();
        container.createItem(item(pk, "taken", 0));

        CosmosBatch batch = CosmosBatch.createCosmosBatch(new PartitionKey(pk));
        batch.createItemOperation(item(pk, "new", 1));
        batch.createItemOperation(item(pk, "taken", 1));
        batch.upsertItemOperation(item(pk, "other", 1));
        CosmosBatchResponse response = container.executeCosmosBatch(batch);

        assertThat(response.isSuccessStatusCode()).isFalse();
        assertThat(response.getResults()).extracting(r -> r.getStatusCode()).containsExactly(424, 409, 424);
        assertThatThrownBy(() -> container.readItem("new", new PartitionKey(pk), ObjectNode.class))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        assertThat(container.readItem("taken", new PartitionKey(pk), ObjectNode.class).getItem().get("n").asInt())
                .isZero();
    }

    @Test
    void a_batch_that_succeeds_applies_every_operation() {
        String pk = "batch-" + UUID.randomUUID();
        container.createItem(item(pk, "old", 0));

        CosmosBatch batch = CosmosBatch.createCosmosBatch(new PartitionKey(pk));
        batch.createItemOperation(item(pk, "new", 1));
        batch.upsertItemOperation(item(pk, "old", 1));
        CosmosBatchResponse response = container.executeCosmosBatch(batch);

        assertThat(response.isSuccessStatusCode()).isTrue();
        assertThat(container.readItem("old", new PartitionKey(pk), ObjectNode.class).getItem().get("n").asInt()).isEqualTo(1);
        assertThat(container.readItem("new", new PartitionKey(pk), ObjectNode.class).getItem().get("n").asInt()).isEqualTo(1);
    }

    @Test
    void an_item_over_two_megabytes_is_refused_with_413() {
        ObjectNode big = item("big", "big", 0);
        big.put("blob", "x".repeat(2 * 1024 * 1024));

        assertThatThrownBy(() -> container.createItem(big))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(413));
    }

    @Test
    void a_throttled_request_is_retried_by_the_sdk_after_the_retry_after() {
        CosmosImitation.takeRequests();
        CosmosImitation.throttle(2, 5);

        container.createItem(item("throttled", "t", 1));

        assertThat(CosmosImitation.takeRequests()).containsExactly("create", "create", "create");
    }

    @Test
    void a_conditional_patch_is_checked_against_the_document_it_names_in_its_partition() {
        String id = "cas-" + UUID.randomUUID();
        container.createItem(item("p-one", id, 1));
        container.createItem(item("p-two", id, 2));
        CosmosPatchItemRequestOptions whenTwo = new CosmosPatchItemRequestOptions();
        whenTwo.setFilterPredicate("FROM c WHERE c.n = 2");

        // The other partition's document with the same id satisfies the condition: it must not count.
        assertThatThrownBy(() -> container.patchItem(id, new PartitionKey("p-one"),
                CosmosPatchOperations.create().set("/n", 3), whenTwo, ObjectNode.class))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));
        container.patchItem(id, new PartitionKey("p-two"), CosmosPatchOperations.create().set("/n", 3), whenTwo, ObjectNode.class);

        assertThat(container.readItem(id, new PartitionKey("p-one"), ObjectNode.class).getItem().get("n").asInt()).isEqualTo(1);
        assertThat(container.readItem(id, new PartitionKey("p-two"), ObjectNode.class).getItem().get("n").asInt()).isEqualTo(3);
    }

    @Test
    void the_sdk_asks_for_the_plan_of_an_ordered_query_every_time_and_caches_a_plain_ones() {
        CosmosQueryRequestOptions onePartition = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("plans"));
        String plain = "SELECT * FROM c WHERE c.n > 100";
        String ordered = "SELECT * FROM c WHERE c.n > 100 ORDER BY c.n";
        container.queryItems(plain, onePartition, ObjectNode.class).stream().count();
        container.queryItems(ordered, onePartition, ObjectNode.class).stream().count();
        CosmosImitation.takeRequests();

        container.queryItems(plain, onePartition, ObjectNode.class).stream().count();
        container.queryItems(ordered, onePartition, ObjectNode.class).stream().count();

        assertThat(CosmosImitation.takeRequests()).containsExactly("query", "query-plan", "query");
    }

    /** Reads the change feed until it has nothing new, collecting id + n; returns the continuation. */
    private static String drain(CosmosChangeFeedRequestOptions options, List<String> seen) {
        String continuation = null;
        Iterator<FeedResponse<ObjectNode>> pages = container.queryChangeFeed(options, ObjectNode.class)
                .iterableByPage().iterator();
        while (pages.hasNext()) {
            FeedResponse<ObjectNode> page = pages.next();
            page.getResults().forEach(n -> seen.add(n.get("id").asText() + n.get("n").asInt()));
            continuation = page.getContinuationToken();
            if (page.getResults().isEmpty()) {
                break;
            }
        }
        return continuation;
    }
}
