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

    static final int REQUEST_TIMEOUT = 408;
    static final int GONE = 410;

    /**
     * A 413 is the core's 413. A 429 that reaches here has outlived the SDK's own retries (each
     * after the server's retry-after), so the client is told to come back after the last one. A
     * timeout, a gone replica or a 5xx is the platform failing, and for a write its outcome is
     * unknown: 503, so that the client retries, with its Idempotency-Key, which the core then
     * recognises if the first write did commit.
     */
    static RuntimeException translate(CosmosException e) {
        int status = e.getStatusCode();
        if (status == TOO_LARGE) {
            return new TooLarge("Cosmos DB refused the document as too large (its limit is 2 MB)");
        }
        if (status == THROTTLED) {
            return new Unavailable("Cosmos DB is throttling requests (429) beyond the client's retries",
                    e.getRetryAfterDuration() == null ? Duration.ofSeconds(1) : e.getRetryAfterDuration());
        }
        if (status == REQUEST_TIMEOUT || status == GONE || status >= 500) {
            return new Unavailable("Cosmos DB did not confirm the request (" + status
                    + "); a write may or may not have been applied: retry with the same Idempotency-Key", Duration.ofSeconds(1));
        }
        return e;
    }
}
