package dev.foldline.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A platform-neutral HTTP request, as every adapter hands it to {@link HttpApi}.
 *
 * @param method  the HTTP method, any case
 * @param path    the raw (still percent-encoded) path without the query string
 * @param headers header names in any case; an adapter joins repeated headers with ", "
 * @param body    the body bytes; an adapter reads at most {@link HttpOptions#maxBodyBytes()} + 1
 *                bytes so that an oversized body is recognised without being held in memory
 * @param verifiedClaims identity claims the platform verified before the request arrived (API
 *                Gateway's JWT authorizer, for example), empty when it verified nothing; read by
 *                {@link dev.foldline.http.identity.VerifiedClaimsIdentity}
 */
public record HttpRequest(String method, String path, Map<String, String> headers, byte[] body,
                          Map<String, ?> verifiedClaims) {

    public HttpRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        path = Objects.requireNonNull(path, "path");
        TreeMap<String, String> normalized = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    normalized.merge(name, value, (a, b) -> a + ", " + b);
                }
            });
        }
        headers = Collections.unmodifiableMap(normalized);
        body = body == null ? new byte[0] : body;
        verifiedClaims = verifiedClaims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(verifiedClaims));
    }

    /** A request that carries no platform-verified identity. */
    public HttpRequest(String method, String path, Map<String, String> headers, byte[] body) {
        this(method, path, headers, body, Map.of());
    }

    public HttpRequest withVerifiedClaims(Map<String, ?> claims) {
        return new HttpRequest(method, path, headers, body, claims);
    }

    public static HttpRequest get(String path, Map<String, String> headers) {
        return new HttpRequest("GET", path, headers, null);
    }

    public static HttpRequest post(String path, Map<String, String> headers, String body) {
        return new HttpRequest("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A header's value, looked up without regard to case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
