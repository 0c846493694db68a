package dev.foldline.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.foldline.projection.Projector;
import java.util.Map;

/**
 * Retries the stream function's parked failures on a schedule. Once a batch has used up its
 * retries, Lambda moves the stream on; the failed handler stays parked on that aggregate (nothing
 * after the failed envelope is applied). This sweep is what lets such an aggregate recover after
 * the handler is fixed, even if it never receives another envelope.
 */
public final class ParkedRetryFunction implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final AwsRuntime runtime;
    private final Projector projector;
    private final String scope;

    public ParkedRetryFunction() {
        this(AwsRuntime.fromEnvironment(System.getenv()));
    }

    public ParkedRetryFunction(AwsRuntime runtime) {
        this.runtime = runtime;
        this.projector = new Projector(runtime.store(), Projector.DEFAULT_ATTEMPTS, runtime.tracer());
        this.scope = runtime.projectionScope();
    }

    /** @return what the sweep did, which Lambda logs as the invocation's result */
    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return projector.retryAllParked(scope, runtime.applications().handlers()).summary();
    }
}
