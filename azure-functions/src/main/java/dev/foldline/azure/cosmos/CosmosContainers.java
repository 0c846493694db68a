package dev.foldline.azure.cosmos;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.models.CompositePath;
import com.azure.cosmos.models.CompositePathSortOrder;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.ExcludedPath;
import com.azure.cosmos.models.IncludedPath;
import com.azure.cosmos.models.IndexingMode;
import com.azure.cosmos.models.IndexingPolicy;
import java.util.List;

/**
 * The database and containers the store needs, and their indexing policies: the one place that
 * must agree with the store's queries (and with {@code infra/main.bicep}), because Cosmos refuses
 * an {@code ORDER BY} on a path its policy does not index. Created once, at start-up when
 * configured to or by the deployment, never per command.
 */
public final class CosmosContainers {

    private CosmosContainers() {
    }

    /** Creates whatever of the database and its two containers does not exist yet. */
    public static void createIfMissing(CosmosClient client, CosmosStoreOptions options) {
        client.createDatabaseIfNotExists(options.database());
        CosmosDatabase database = client.getDatabase(options.database());
        database.createContainerIfNotExists(events(options.events()));
        database.createContainerIfNotExists(checkpoints(options.checkpoints()));
    }

    /**
     * Envelopes (with their snapshots), one logical partition per stream. Indexed: what the store
     * filters and sorts on ({@code stream} and {@code version} within a stream; {@code tenant}, {@code kind} and
     * {@code commit} for a tenant's commit order), nothing of the envelope itself.
     */
    public static CosmosContainerProperties events(String name) {
        CosmosContainerProperties properties = new CosmosContainerProperties(name, "/" + EventDocuments.PARTITION);
        IndexingPolicy policy = new IndexingPolicy();
        policy.setIndexingMode(IndexingMode.CONSISTENT);
        policy.setIncludedPaths(List.of(
                // a cold load's ordered query names its stream, and Cosmos refuses a filter on an unindexed path
                new IncludedPath("/" + EventDocuments.PARTITION + "/?"),
                new IncludedPath("/" + EventDocuments.KIND + "/?"),
                new IncludedPath("/" + EventDocuments.VERSION + "/?"),
                new IncludedPath("/" + EventDocuments.TENANT + "/?"),
                new IncludedPath("/" + EventDocuments.COMMIT + "/?")));
        policy.setExcludedPaths(List.of(new ExcludedPath("/*")));
        policy.setCompositeIndexes(List.of(List.of(
                composite("/" + EventDocuments.TENANT), composite("/" + EventDocuments.COMMIT))));
        properties.setIndexingPolicy(policy);
        return properties;
    }

    /** Checkpoints, one logical partition per tenant; indexed: the key, for prefix listing. */
    public static CosmosContainerProperties checkpoints(String name) {
        CosmosContainerProperties properties = new CosmosContainerProperties(name, "/" + CosmosCheckpointStore.PARTITION);
        IndexingPolicy policy = new IndexingPolicy();
        policy.setIndexingMode(IndexingMode.CONSISTENT);
        policy.setIncludedPaths(List.of(new IncludedPath("/" + CosmosCheckpointStore.KEY + "/?")));
        policy.setExcludedPaths(List.of(new ExcludedPath("/*")));
        properties.setIndexingPolicy(policy);
        return properties;
    }

    private static CompositePath composite(String path) {
        CompositePath composite = new CompositePath();
        composite.setPath(path);
        composite.setOrder(CompositePathSortOrder.ASCENDING);
        return composite;
    }
}
