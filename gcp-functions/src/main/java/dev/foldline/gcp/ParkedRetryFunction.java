package dev.foldline.gcp;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.foldline.json.Json;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.projection.Projector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Retries the trigger function's parked failures, called by Cloud Scheduler (an HTTP job with an
 * OIDC token; the function allows no unauthenticated calls). Once Eventarc has given up on an
 * event, the failed handler stays parked on that aggregate (nothing after the failure applied);
 * this sweep is what lets such an aggregate recover after the handler is fixed, even if it never
 * receives another envelope. It answers the sweep's summary as JSON.
 */
public final class ParkedRetryFunction implements HttpFunction {

    private final GcpRuntime runtime;
    private final Projector projector;
    private final String scope;

    public ParkedRetryFunction() {
        this(GcpRuntime.fromEnvironment(System.getenv()));
    }

    public ParkedRetryFunction(GcpRuntime runtime) {
        this.runtime = runtime;
        this.projector = new Projector(runtime.store(), Projector.DEFAULT_ATTEMPTS, runtime.tracer());
        this.scope = runtime.projectionScope();
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        if (!request.getMethod().equals("POST")) {
            response.setStatusCode(405);
            response.appendHeader("Allow", "POST");
            return;
        }
        ProjectionReport report = projector.retryAllParked(scope, runtime.applications().handlers());
        response.setStatusCode(200);
        response.setContentType("application/json");
        try (OutputStream out = response.getOutputStream()) {
            out.write(Json.write(report.summary()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
