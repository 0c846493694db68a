package dev.foldline.gcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.foldline.http.contract.AdapterClient;
import dev.foldline.http.contract.Caller;
import dev.foldline.http.contract.ContractRequest;
import dev.foldline.http.contract.ContractResponse;
import dev.foldline.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The HTTP contract suite's client for the HTTP function as API Gateway calls it: real HTTP to the
 * Functions Framework's server, the caller as the claims of a verified JWT in
 * {@code X-Apigateway-Api-Userinfo} (default claim names), no such header without a caller.
 */
final class GatewayHttpClient implements AdapterClient {

    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    GatewayHttpClient(FunctionServer server) {
        this.base = "http://" + server.hostPort();
    }

    @Override
    public ContractResponse send(ContractRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.target()))
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        request.caller().ifPresent(caller -> builder.header(ApiGatewayIdentity.USERINFO, userinfo(caller)));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            return new ContractResponse(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JWT payload as the gateway forwards it: base64url JSON, roles as an array. */
    static String userinfo(Caller caller) {
        JsonObject claims = new JsonObject();
        claims.addProperty("tenant", caller.tenant());
        claims.addProperty("sub", caller.actorId());
        if (!caller.roles().isEmpty()) {
            JsonArray roles = new JsonArray();
            new TreeSet<>(caller.roles()).forEach(roles::add);
            claims.add("roles", roles);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    }
}
