package dev.foldline.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A platform-neutral HTTP response: adapters copy status, headers and body to their platform's
 * response type and add nothing.
 *
 * @param body UTF-8 text (always JSON here), empty for none
 */
public record HttpResponse(int status, Map<String, String> headers, String body) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public HttpResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    static HttpResponse json(int status, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", JSON);
        return new HttpResponse(status, headers, body);
    }

    public String contentType() {
        return headers.getOrDefault("Content-Type", "");
    }
}
