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
 * @param query   the raw (still percent-encoded) query string without the leading {@code ?}, empty
 *                for none
 * @param headers header names in any case; an adapter joins repeated headers with ", "
 * @param body    the body bytes; an adapter reads at most {@link HttpOptions#maxBodyBytes()} + 1
 *                bytes so that an oversized body is recognised without being held in memory
 * @param verifiedClaims identity claims the platform verified before the request arrived (API
 *                Gateway's JWT authorizer, for example), empty when it verified nothing; read by
 *                {@link dev.foldline.http.identity.VerifiedClaimsIdentity}
 */
public record HttpRequest(String method, String path, String query, Map<String, String> headers, byte[] body,
                          Map<String, ?> verifiedClaims) {

    public HttpRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        path = Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
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
    public HttpRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {
        this(method, path, query, headers, body, Map.of());
    }

    /** A request without a query string that carries no platform-verified identity. */
    public HttpRequest(String method, String path, Map<String, String> headers, byte[] body) {
        this(method, path, "", headers, body);
    }

    /**
     * A request to a request target as an HTTP request line holds it: the raw path, then optionally
     * {@code ?} and the raw query. Carries no platform-verified identity.
     */
    public static HttpRequest of(String method, String target, Map<String, String> headers, byte[] body) {
        int question = target.indexOf('?');
        return question < 0
                ? new HttpRequest(method, target, "", headers, body)
                : new HttpRequest(method, target.substring(0, question), target.substring(question + 1), headers, body);
    }

    public HttpRequest withVerifiedClaims(Map<String, ?> claims) {
        return new HttpRequest(method, path, query, headers, body, claims);
    }

    public static HttpRequest get(String target, Map<String, String> headers) {
        return of("GET", target, headers, null);
    }

    public static HttpRequest post(String target, Map<String, String> headers, String body) {
        return of("POST", target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A header's value, looked up without regard to case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
