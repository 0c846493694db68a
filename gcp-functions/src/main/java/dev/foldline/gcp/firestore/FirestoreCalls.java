package dev.foldline.gcp.firestore;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.FirestoreException;
import dev.foldline.errors.FoldlineException;
import dev.foldline.errors.TooLarge;
import dev.foldline.errors.Unavailable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The one place where Firestore's failures become values or core errors. A call that Firestore
 * answers RESOURCE_EXHAUSTED (quota, hot spot) or ABORTED (contention) wrote nothing, so it is
 * retried with backoff; when it keeps failing the caller gets {@link Unavailable} (503 with
 * Retry-After). Other failures are not retried here: the client library already retries the
 * transient ones it may, and an ambiguous write is recognised by the caller (its attempt id).
 */
final class FirestoreCalls {

    private final FirestoreStoreOptions options;

    FirestoreCalls(FirestoreStoreOptions options) {
        this.options = options;
    }

    /** The call's result, after retries of RESOURCE_EXHAUSTED and ABORTED. */
    <T> T call(String what, Supplier<ApiFuture<T>> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return await(call.get());
            } catch (RuntimeException e) {
                Optional<StatusCode.Code> code = codeOf(e);
                boolean retryable = code.filter(c -> c == StatusCode.Code.RESOURCE_EXHAUSTED
                        || c == StatusCode.Code.ABORTED).isPresent();
                if (!retryable) {
                    throw e;
                }
                if (attempt + 1 >= options.attempts()) {
                    throw new Unavailable("Firestore answered " + code.get() + " to " + what + " "
                            + options.attempts() + " times; nothing was written", Duration.ofSeconds(1));
                }
                pause(attempt);
            }
        }
    }

    /** Waits for the future, rethrowing its failure unwrapped (a core error as itself). */
    static <T> T await(ApiFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Firestore", e);
        }
    }

    /** The gRPC status code of a Firestore failure, looked for along the cause chain. */
    static Optional<StatusCode.Code> codeOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FoldlineException) {
                return Optional.empty();
            }
            if (t instanceof ApiException api) {
                return Optional.of(api.getStatusCode().getCode());
            }
            if (t instanceof FirestoreException firestore && firestore.getStatus() != null) {
                return Optional.of(StatusCode.Code.valueOf(firestore.getStatus().getCode().name()));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    static boolean is(Throwable error, StatusCode.Code code) {
        return codeOf(error).filter(code::equals).isPresent();
    }

    /** Firestore's refusal of an oversized document, should one get past the size check. */
    static RuntimeException tooLargeOr(RuntimeException error) {
        String message = String.valueOf(error.getMessage());
        if (is(error, StatusCode.Code.INVALID_ARGUMENT) && message.contains("exceeds the maximum allowed size")) {
            return new TooLarge("Firestore refused the document: " + message);
        }
        return error;
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(options.backoff().delay(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
