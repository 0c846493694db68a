package dev.foldline.local;

import dev.foldline.http.contract.AdapterClient;
import dev.foldline.http.contract.Caller;
import dev.foldline.http.contract.ContractRequest;
import dev.foldline.http.contract.ContractResponse;
import dev.foldline.http.identity.DevHeaderIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP contract suite's client for a running runtime in development mode: real HTTP requests,
 * the caller presented in the development identity headers.
 */
final class DevHeadersOverHttp implements AdapterClient {

    private final URI base;

    DevHeadersOverHttp(URI base) {
        this.base = base;
    }

    @Override
    public ContractResponse send(ContractRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.target()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0
                        ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        request.caller().ifPresent(caller -> identify(http, caller));
        try {
            var response = ApiClient.HTTP.send(http.build(), BodyHandlers.ofString());
            Map<String, String> headers = new HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            return new ContractResponse(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void identify(HttpRequest.Builder http, Caller caller) {
        http.header(DevHeaderIdentity.TENANT, caller.tenant()).header(DevHeaderIdentity.ACTOR_ID, caller.actorId());
        if (!caller.roles().isEmpty()) {
            http.header(DevHeaderIdentity.ROLES, String.join(",", caller.roles()));
        }
    }
}
