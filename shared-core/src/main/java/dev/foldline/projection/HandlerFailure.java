package dev.foldline.projection;

import dev.foldline.model.StreamId;

/**
 * A handler that failed on an envelope after its retries. The handler's progress on that stream
 * stays before {@code version} until a later attempt succeeds.
 */
public record HandlerFailure(String handler, StreamId stream, long version, String error) {
}
