package dev.foldline.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.projection.Projector;

/**
 * Retries the change-feed function's parked failures every five minutes. Once the host has used up
 * its retries of a batch it moves the lease on; the failed handler stays parked on that aggregate.
 * This sweep lets such an aggregate recover once the handler is fixed, even if it never receives
 * another envelope.
 */
public final class ParkedRetryFunction {

    private final AzureRuntime runtime;
    private final Projector projector;

    public ParkedRetryFunction() {
        this(AzureRuntime.shared());
    }

    public ParkedRetryFunction(AzureRuntime runtime) {
        this.runtime = runtime;
        this.projector = new Projector(runtime.store(), 3, runtime.tracer());
    }

    @FunctionName("parked-retry")
    public void run(@TimerTrigger(name = "timer", schedule = "0 */5 * * * *") String timer, ExecutionContext context) {
        context.getLogger().info("parked retry: " + sweep().summary());
    }

    /** Retries every parked failure of the scope; returns what it did. */
    public ProjectionReport sweep() {
        return projector.retryAllParked(runtime.projectionScope(), runtime.applications().handlers());
    }
}
