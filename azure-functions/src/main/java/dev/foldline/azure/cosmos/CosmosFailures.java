package dev.foldline.azure.cosmos;

import com.azure.cosmos.CosmosException;
import dev.foldline.errors.TooLarge;

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

    static RuntimeException translate(CosmosException e) {
        return translate(e.getStatusCode(), e.getMessage(), e);
    }

    static RuntimeException translate(int status, String message, RuntimeException cause) {
        if (status == TOO_LARGE) {
            return new TooLarge("Cosmos DB refused the document as too large (its limit is 2 MB)");
        }
        return cause != null ? cause : new IllegalStateException("Cosmos DB answered " + status + ": " + message);
    }
}
