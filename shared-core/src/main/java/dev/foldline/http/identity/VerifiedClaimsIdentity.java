package dev.foldline.http.identity;

import dev.foldline.errors.Unauthorized;
import dev.foldline.http.HttpRequest;
import dev.foldline.model.Actor;
import java.util.Objects;

/**
 * For platforms that verify the token before the function runs (API Gateway's JWT authorizer, an
 * Azure or Google front door): the adapter puts the verified claims on the request with
 * {@link HttpRequest#withVerifiedClaims}, and this maps them. Headers are never trusted here.
 */
public final class VerifiedClaimsIdentity implements IdentityResolver {

    private final ClaimsMapper claims;

    public VerifiedClaimsIdentity(ClaimsMapper claims) {
        this.claims = Objects.requireNonNull(claims, "claims");
    }

    @Override
    public Actor resolve(HttpRequest request) {
        if (request.verifiedClaims().isEmpty()) {
            throw new Unauthorized("no verified identity came with the request");
        }
        return claims.toActor(request.verifiedClaims());
    }
}
