package dev.foldline.http.identity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.foldline.errors.FoldlineException;
import dev.foldline.errors.Unauthorized;
import dev.foldline.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a compact JWS (RFC 7515/7519) with the JDK's crypto only: signature with the configured
 * key and algorithm, {@code exp} and {@code nbf} with some leeway for clock skew, and {@code iss}
 * and {@code aud} when configured. Every failure is a 401 whose message says what was wrong, never
 * the token.
 */
public final class JwtVerifier {

    private final JwtKey key;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    private final Duration leeway;
    private final Clock clock;

    public JwtVerifier(JwtKey key, Optional<String> issuer, Optional<String> audience, Duration leeway, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.leeway = Objects.requireNonNull(leeway, "leeway");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The token's claims: strings, numbers as their JSON text, lists of those, nested objects as JSON text. */
    public Map<String, Object> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new Unauthorized("the bearer token is not a compact JWS");
        }
        JsonObject header = jsonPart(parts[0], "header");
        JsonElement alg = header.get("alg");
        if (alg == null || !alg.isJsonPrimitive() || !key.algorithm().equals(alg.getAsString())) {
            throw new Unauthorized("the token must be signed with " + key.algorithm());
        }
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!key.verifies(signingInput, base64Url(parts[2], "signature"))) {
            throw new Unauthorized("the token's signature does not verify");
        }
        JsonObject claims = jsonPart(parts[1], "payload");
        checkTimes(claims);
        issuer.ifPresent(expected -> {
            if (!claims.has("iss") || !expected.equals(text(claims.get("iss")))) {
                throw new Unauthorized("the token is not from the expected issuer");
            }
        });
        audience.ifPresent(expected -> {
            if (!audiences(claims.get("aud")).contains(expected)) {
                throw new Unauthorized("the token is not for the expected audience");
            }
        });
        Map<String, Object> result = new LinkedHashMap<>();
        claims.entrySet().forEach(e -> result.put(e.getKey(), plain(e.getValue())));
        return result;
    }

    private void checkTimes(JsonObject claims) {
        long now = clock.instant().getEpochSecond();
        long skew = leeway.toSeconds();
        Optional<Long> expires = seconds(claims, "exp");
        if (expires.isEmpty()) {
            // A token without expiry would be valid forever once leaked.
            throw new Unauthorized("the token has no exp");
        }
        if (now > expires.get() + skew) {
            throw new Unauthorized("the token has expired");
        }
        seconds(claims, "nbf").ifPresent(notBefore -> {
            if (now + skew < notBefore) {
                throw new Unauthorized("the token is not valid yet");
            }
        });
    }

    private static Optional<Long> seconds(JsonObject claims, String name) {
        JsonElement value = claims.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new Unauthorized("the token's " + name + " is not a number");
        }
        return Optional.of(value.getAsBigDecimal().longValue());
    }

    private static List<String> audiences(JsonElement aud) {
        List<String> result = new ArrayList<>();
        if (aud != null && aud.isJsonArray()) {
            aud.getAsJsonArray().forEach(a -> result.add(text(a)));
        } else if (aud != null && aud.isJsonPrimitive()) {
            result.add(text(aud));
        }
        return result;
    }

    private static Object plain(JsonElement value) {
        if (value.isJsonArray()) {
            List<String> list = new ArrayList<>();
            value.getAsJsonArray().forEach(v -> list.add(text(v)));
            return list;
        }
        return text(value);
    }

    private static String text(JsonElement value) {
        return value.isJsonPrimitive() ? value.getAsJsonPrimitive().getAsString() : Json.write(value);
    }

    private static JsonObject jsonPart(String part, String what) {
        String text = new String(base64Url(part, what), StandardCharsets.UTF_8);
        try {
            return Json.parseObject(text);
        } catch (FoldlineException e) {
            throw new Unauthorized("the token's " + what + " is not a JSON object");
        }
    }

    private static byte[] base64Url(String part, String what) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new Unauthorized("the token's " + what + " is not base64url");
        }
    }
}
