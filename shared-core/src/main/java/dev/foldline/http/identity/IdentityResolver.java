package dev.foldline.http.identity;

import dev.foldline.http.HttpRequest;
import dev.foldline.model.Actor;

/**
 * Establishes who sends a request. The tenant always comes from here (verified identity), never
 * from the body.
 */
@FunctionalInterface
public interface IdentityResolver {

    /** The caller; {@link dev.foldline.errors.Unauthorized} (401) when no usable identity came with the request. */
    Actor resolve(HttpRequest request);
}
