package dev.foldline.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.CosmosDBTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import dev.foldline.azure.cosmos.CosmosChanges;
import dev.foldline.azure.cosmos.CosmosClients;
import dev.foldline.model.Envelope;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.projection.Projector;
import java.util.Arrays;
import java.util.List;

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
        this.projector = new Projector(runtime.store(), 3, runtime.tracer());
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

    /**
     * Projects one delivered batch; throws when a handler failed on part of it, so that the host
     * delivers it again (the change feed cannot resume from the middle of a batch).
     */
    public ProjectionReport project(List<String> documents) {
        List<Envelope> envelopes = CosmosChanges.envelopes(documents);
        if (envelopes.isEmpty()) {
            return ProjectionReport.EMPTY;
        }
        ProjectionReport report = projector.project(runtime.projectionScope(), envelopes, runtime.applications().handlers());
        if (!report.succeeded()) {
            throw new RedeliveryNeeded(report);
        }
        return report;
    }

    public Projector projector() {
        return projector;
    }

    /** A handler failed on part of the batch: the host must deliver it again. */
    public static final class RedeliveryNeeded extends RuntimeException {
        private final transient ProjectionReport report;

        RedeliveryNeeded(ProjectionReport report) {
            super("handlers failed, the batch must come again: " + report.failures());
            this.report = report;
        }

        public ProjectionReport report() {
            return report;
        }
    }
}
