package dev.foldline.http.identity;

import dev.foldline.http.HttpRequest;
import dev.foldline.model.Actor;
import java.util.HashMap;
import java.util.Map;

/**
 * Development mode: the caller states its identity in plain headers. Only safe on loopback, where
 * the caller is the developer; anything exposed further uses verified tokens (the jwt-verifier
 * module's {@code JwtIdentity}) or claims a platform verified ({@link VerifiedClaimsIdentity}).
 */
public final class DevHeaderIdentity implements IdentityResolver {

    public static final String TENANT = "X-Tenant";
    public static final String ACTOR_ID = "X-Actor-Id";
    public static final String ROLES = "X-Actor-Roles";

    private static final ClaimsMapper HEADERS = new ClaimsMapper(TENANT, ACTOR_ID, ROLES);

    @Override
    public Actor resolve(HttpRequest request) {
        Map<String, String> claims = new HashMap<>();
        for (String header : new String[] {TENANT, ACTOR_ID, ROLES}) {
            request.header(header).ifPresent(value -> claims.put(header, value));
        }
        return HEADERS.toActor(claims);
    }
}
