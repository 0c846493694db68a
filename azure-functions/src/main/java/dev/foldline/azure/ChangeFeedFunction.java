package dev.foldline.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.CosmosDBTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import dev.foldline.azure.cosmos.CosmosChanges;
import dev.foldline.azure.cosmos.CosmosClients;
import dev.foldline.projection.BatchResult;
import dev.foldline.projection.Delivery;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.projection.Projector;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Feeds the events container's change feed to the core {@link Projector}: envelope documents are
 * decoded, anything else ignored; the projector skips what a handler already applied, fills gaps
 * from the store, applies each aggregate's envelopes in version order, and parks a handler that
 * keeps failing on an aggregate while the others go on.
 *
 * <p>The change feed has no partial checkpoint: when a handler failed, this invocation fails, so
 * the host does not move the lease past the batch and delivers it again (the retry policy in
 * host.json: exponential backoff, 5 times);
 * what was applied the first time is then skipped. When the retries are used up the host moves
 * on; the failed handler stays parked on its aggregate (nothing after the failed envelope is
 * applied) until {@link ParkedRetryFunction} succeeds with it.
 */
public final class ChangeFeedFunction {

    private final AzureRuntime runtime;
    private final Projector projector;

    public ChangeFeedFunction() {
        this(AzureRuntime.shared());
    }

    public ChangeFeedFunction(AzureRuntime runtime) {
        this.runtime = runtime;
        this.projector = new Projector(runtime.store());
    }

    @FunctionName("projections")
    public void run(
            @CosmosDBTrigger(name = "documents", connection = CosmosClients.CONNECTION,
                    databaseName = "%FOLDLINE_COSMOS_DATABASE%", containerName = "%FOLDLINE_COSMOS_EVENTS%",
                    leaseContainerName = "%FOLDLINE_COSMOS_LEASES%", createLeaseContainerIfNotExists = false)
            String[] documents,
            ExecutionContext context) {
        project(Arrays.asList(documents));
    }

    /** Projects one delivered batch; throws when part of it must be delivered again. */
    public BatchResult<Long> project(List<String> documents) {
        List<Delivery<Long>> batch = CosmosChanges.deliveries(documents);
        if (batch.isEmpty()) {
            return new BatchResult<>(ProjectionReport.EMPTY, Optional.empty());
        }
        BatchResult<Long> result = projector.projectBatch(runtime.projectionScope(), batch, runtime.applications().handlers());
        if (result.retryFrom().isPresent()) {
            throw new RedeliveryNeeded(result);
        }
        return result;
    }

    public Projector projector() {
        return projector;
    }

    /** A handler failed on part of the batch: the host must deliver it again. */
    public static final class RedeliveryNeeded extends RuntimeException {
        private final transient BatchResult<Long> result;

        RedeliveryNeeded(BatchResult<Long> result) {
            super("handlers failed from change-feed position " + result.retryFrom().orElseThrow() + ": "
                    + result.report().failures());
            this.result = result;
        }

        public BatchResult<Long> result() {
            return result;
        }
    }
}
