package dev.foldline.local;

import com.google.gson.JsonObject;
import dev.foldline.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A JDK HttpClient speaking to a running runtime as one identity (dev headers by default). */
final class ApiClient {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;
    private final List<String> identity;

    private ApiClient(URI base, List<String> identity) {
        this.base = base;
        this.identity = identity;
    }

    static ApiClient to(URI base) {
        return new ApiClient(base, List.of("X-Tenant", "tenant1", "X-Actor-Id", "user1", "X-Actor-Roles", "manager"));
    }

    ApiClient as(String tenant, String actor, String roles) {
        return new ApiClient(base, List.of("X-Tenant", tenant, "X-Actor-Id", actor, "X-Actor-Roles", roles));
    }

    /** No identity headers at all; {@code headers} (name, value pairs) are sent as given. */
    ApiClient withHeaders(String... headers) {
        return new ApiClient(base, List.of(headers));
    }

    Reply command(String command, String json, String... headers) {
        return send("POST", "/commands/" + command, BodyPublishers.ofString(json),
                concat(headers, "Content-Type", "application/json"));
    }

    Reply get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    Reply send(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        List<String> all = new ArrayList<>(identity);
        all.addAll(List.of(headers));
        for (int i = 0; i < all.size(); i += 2) {
            request.header(all.get(i), all.get(i + 1));
        }
        try {
            java.net.http.HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(String[] headers, String... more) {
        List<String> all = new ArrayList<>(List.of(headers));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    record Reply(int status, String contentType, String etag, String body) {

        JsonObject json() {
            return Json.parseObject(body);
        }

        long version() {
            return json().get("version").getAsLong();
        }

        String aggregateId() {
            return json().get("aggregateId").getAsString();
        }

        JsonObject state() {
            return json().getAsJsonObject("state");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
