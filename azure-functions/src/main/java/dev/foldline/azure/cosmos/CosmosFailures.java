package dev.foldline.azure.cosmos;

import com.azure.cosmos.CosmosException;
import dev.foldline.errors.TooLarge;
import dev.foldline.errors.Unavailable;
import java.time.Duration;

/**
 * The one place where Cosmos's failures become the core's errors. A conflict (409) or a failed
 * precondition (412) is not a failure here: the stores turn those into values where they expect
 * them.
 */
final class CosmosFailures {

    static final int NOT_FOUND = 404;
    static final int CONFLICT = 409;
    static final int PRECONDITION_FAILED = 412;
    static final int TOO_LARGE = 413;
    static final int THROTTLED = 429;

    private CosmosFailures() {
    }

    /**
     * A 413 is the core's 413; a 429 that reaches here has outlived the SDK's own retries (each
     * after the server's retry-after), so the client is told to come back after the last one.
     */
    static RuntimeException translate(CosmosException e) {
        return switch (e.getStatusCode()) {
            case TOO_LARGE -> new TooLarge("Cosmos DB refused the document as too large (its limit is 2 MB)");
            case THROTTLED -> new Unavailable("Cosmos DB is throttling requests (429) beyond the client's retries",
                    e.getRetryAfterDuration() == null ? Duration.ofSeconds(1) : e.getRetryAfterDuration());
            default -> e;
        };
    }
}
