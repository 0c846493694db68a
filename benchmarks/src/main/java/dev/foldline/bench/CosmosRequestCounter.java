package dev.foldline.bench;

import com.azure.core.util.Context;
import com.azure.cosmos.CosmosDiagnosticsContext;
import com.azure.cosmos.CosmosDiagnosticsHandler;

/**
 * Counts what the Cosmos SDK sent, from the diagnostics it hands to a client's handler after each
 * operation: every request the operation made (retries and query pages included), by operation and
 * resource type ({@code Create Document}, {@code Query Document}), and the request charge the
 * responses carried ({@code x-ms-request-charge}).
 */
public final class CosmosRequestCounter extends RequestCounts implements CosmosDiagnosticsHandler {

    public CosmosRequestCounter() {
        super(true);
    }

    @Override
    public void handleDiagnostics(CosmosDiagnosticsContext diagnostics, Context context) {
        count(diagnostics.getOperationType() + " " + diagnostics.getResourceType(),
                Math.max(1, diagnostics.getRequestInfo().size()));
        charge(diagnostics.getTotalRequestCharge());
    }
}
