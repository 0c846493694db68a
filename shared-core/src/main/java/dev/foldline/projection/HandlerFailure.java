package dev.foldline.projection;

import dev.foldline.model.StreamId;

/**
 * A handler that failed on an envelope after its retries. The handler's progress on that stream
 * stays before {@code version} until a later attempt succeeds.
 */
public record HandlerFailure(String handler, StreamId stream, long version, String error) {

    /** One line for logs and summaries: {@code handler on tenant/type/id@version: error}. */
    public String description() {
        return handler + " on " + stream + "@" + version + ": " + error;
    }
}
