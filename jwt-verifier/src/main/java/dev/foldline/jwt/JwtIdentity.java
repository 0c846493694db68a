package dev.foldline.jwt;

import dev.foldline.errors.Unauthorized;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.IdentityResolver;
import dev.foldline.model.Actor;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/** JWT mode: a verified {@code Authorization: Bearer} token, its claims mapped to the actor by the core. */
public final class JwtIdentity implements IdentityResolver {

    private final JwtVerifier verifier;
    private final ClaimsMapper claims;

    public JwtIdentity(JwtVerifier verifier, ClaimsMapper claims) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.claims = Objects.requireNonNull(claims, "claims");
    }

    /**
     * Configuration from environment variables, shared by every runtime that verifies tokens itself:
     * the key and checks ({@link JwtSettings#fromEnvironment}) and the claim names every runtime
     * reads ({@link ClaimsMapper#fromSettings}).
     */
    public static JwtIdentity fromEnvironment(Map<String, String> env, Clock clock) {
        return new JwtIdentity(new JwtVerifier(JwtSettings.fromEnvironment(env), clock), ClaimsMapper.fromSettings(env::get));
    }

    @Override
    public Actor resolve(HttpRequest request) {
        String authorization = request.header("Authorization").orElseThrow(
                () -> new Unauthorized("an Authorization: Bearer token is required"));
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("an Authorization: Bearer token is required");
        }
        return claims.toActor(verifier.verify(authorization.substring(7).trim()));
    }
}
