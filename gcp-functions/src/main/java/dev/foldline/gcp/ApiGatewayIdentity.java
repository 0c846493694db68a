package dev.foldline.gcp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.foldline.errors.Unauthorized;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.IdentityResolver;
import dev.foldline.json.Json;
import dev.foldline.model.Actor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The claims of the header: strings as they are, arrays as lists, other values as their JSON text. */
    static Map<String, Object> claims(String header) {
        JsonObject payload;
        try {
            payload = Json.parseObject(new String(Base64.getUrlDecoder().decode(unpadded(header)), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new Unauthorized(USERINFO + " is not base64url-encoded JSON");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        payload.entrySet().forEach(claim -> claims.put(claim.getKey(), value(claim.getValue())));
        return claims;
    }

    private static Object value(JsonElement element) {
        if (element.isJsonArray()) {
            List<String> values = new ArrayList<>();
            element.getAsJsonArray().forEach(item -> values.add(String.valueOf(value(item))));
            return values;
        }
        if (element.isJsonPrimitive()) {
            return element.getAsJsonPrimitive().getAsString();
        }
        return element.isJsonNull() ? null : Json.write(element);
    }

    /** The gateway may send standard base64 padding or URL characters: accept both. */
    private static String unpadded(String header) {
        return header.replace('+', '-').replace('/', '_').replace("=", "");
    }
}
