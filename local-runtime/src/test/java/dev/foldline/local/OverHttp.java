package dev.foldline.local;

import dev.foldline.http.Tokens;
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
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The HTTP contract suite's client for a running runtime: real HTTP requests, the caller presented
 * in headers the way the runtime's identity mode expects them.
 */
final class OverHttp implements AdapterClient {

    private final URI base;
    private final Function<Caller, Map<String, String>> identity;

    private OverHttp(URI base, Function<Caller, Map<String, String>> identity) {
        this.base = base;
        this.identity = identity;
    }

    /** Development mode: the caller names itself in the identity headers. */
    static OverHttp withDevHeaders(URI base) {
        return new OverHttp(base, caller -> {
            Map<String, String> headers = new HashMap<>();
            headers.put(DevHeaderIdentity.TENANT, caller.tenant());
            headers.put(DevHeaderIdentity.ACTOR_ID, caller.actorId());
            if (!caller.roles().isEmpty()) {
                headers.put(DevHeaderIdentity.ROLES, String.join(",", caller.roles()));
            }
            return headers;
        });
    }

    /**
     * JWT mode: the caller is a bearer token signed with {@link Tokens#SECRET}, its claims under the
     * default names ({@code tenant}, {@code sub}, {@code roles} as a list), valid for ten minutes.
     */
    static OverHttp withBearerTokens(URI base) {
        return new OverHttp(base, caller -> {
            long expires = Clock.systemUTC().instant().plus(Duration.ofMinutes(10)).getEpochSecond();
            String roles = caller.roles().isEmpty() ? "[]"
                    : "[\"" + String.join("\",\"", new TreeSet<>(caller.roles())) + "\"]";
            String claims = "{\"tenant\":\"" + caller.tenant() + "\",\"sub\":\"" + caller.actorId()
                    + "\",\"roles\":" + roles + ",\"exp\":" + expires + "}";
            return Map.of("Authorization", "Bearer " + Tokens.hs256(claims));
        });
    }

    @Override
    public ContractResponse send(ContractRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.target()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0
                        ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        request.caller().map(identity).ifPresent(headers -> headers.forEach(http::header));
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
}
