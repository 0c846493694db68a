package dev.foldline.http;

import com.google.gson.JsonObject;
import dev.foldline.errors.ErrorKind;
import dev.foldline.errors.FoldlineException;
import dev.foldline.errors.Unavailable;
import dev.foldline.json.Json;
import java.util.Map;

/**
 * RFC 9457 problem details. Status, type and title come from {@link ErrorKind}, the one mapping of
 * errors to HTTP; only the statuses that are no error of the caller's or the model's (500 for a bug,
 * 503 while shutting down) are made here.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:foldline:problem:";

    private Problems() {
    }

    public static HttpResponse of(FoldlineException error) {
        return error instanceof Unavailable unavailable
                ? of(error, Map.of("Retry-After", unavailable.retryAfterHeader()))
                : of(error, Map.of());
    }

    public static HttpResponse of(FoldlineException error, Map<String, String> extraHeaders) {
        ErrorKind kind = error.kind();
        JsonObject body = body(kind.slug(), kind.title(), kind.httpStatus(), error.getMessage());
        error.argument().ifPresent(argument -> body.addProperty("argument", argument));
        return response(kind.httpStatus(), body, extraHeaders);
    }

    /** The answer to an unexpected failure: no message or stack trace leaves the server, only the incident id. */
    public static HttpResponse internal(String incident) {
        JsonObject body = body("internal", "Internal error", 500,
                "the server failed unexpectedly; incident " + incident + " is in its log");
        return response(500, body, Map.of());
    }

    /** The answer while a runtime cannot serve (shutting down): nothing was done, the client may retry. */
    public static HttpResponse unavailable(String detail) {
        return response(503, body("unavailable", "Service unavailable", 503, detail), Map.of("Retry-After", "1"));
    }

    private static JsonObject body(String slug, String title, int status, String detail) {
        JsonObject body = new JsonObject();
        body.addProperty("type", TYPE_PREFIX + slug);
        body.addProperty("title", title);
        body.addProperty("status", status);
        body.addProperty("detail", detail == null ? title : detail);
        return body;
    }

    private static HttpResponse response(int status, JsonObject body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", HttpResponse.PROBLEM_JSON);
        return new HttpResponse(status, headers, Json.write(body));
    }
}
