package dev.foldline.gcp;

import dev.foldline.errors.Unauthorized;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.IdentityResolver;
import dev.foldline.http.identity.JsonClaims;
import dev.foldline.model.Actor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The caller as Google Cloud API Gateway verified it: after checking the JWT, the gateway sends
 * the token's payload to the backend in {@code X-Apigateway-Api-Userinfo}, base64url-encoded JSON.
 * Only sound when the function can be reached through the gateway alone (deployed without
 * unauthenticated access, the gateway's service account its only invoker: see the README), since
 * anyone who can reach the function can set the header. Missing or malformed is a 401.
 */
public final class ApiGatewayIdentity implements IdentityResolver {

    public static final String USERINFO = "X-Apigateway-Api-Userinfo";

    private final ClaimsMapper claims;

    public ApiGatewayIdentity(ClaimsMapper claims) {
        this.claims = Objects.requireNonNull(claims, "claims");
    }

    @Override
    public Actor resolve(HttpRequest request) {
        String header = request.header(USERINFO).map(String::trim)
                .orElseThrow(() -> new Unauthorized("no verified identity came with the request"));
        return claims.toActor(claims(header));
    }

    /**
     * The claims of the header with their JSON types kept (so a number or a list where a name
     * belongs is refused by the claims mapping, not turned into a name), repeated members refused.
     */
    static Map<String, Object> claims(String header) {
        String json;
        try {
            json = new String(Base64.getUrlDecoder().decode(unpadded(header)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Unauthorized(USERINFO + " is not base64url-encoded JSON");
        }
        return JsonClaims.parse(json, USERINFO);
    }

    /** The gateway may send standard base64 padding or URL characters: accept both. */
    private static String unpadded(String header) {
        return header.replace('+', '-').replace('/', '_').replace("=", "");
    }
}
