package dev.foldline.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.command.CommandHandler;
import dev.foldline.errors.Unauthorized;
import dev.foldline.examples.Examples;
import dev.foldline.http.HttpApi;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.HttpResponse;
import dev.foldline.http.Tokens;
import dev.foldline.model.Actor;
import dev.foldline.model.StreamId;
import dev.foldline.store.MemoryEventStore;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A verified bearer token's claims, mapped by the core, become the actor; nothing else counts. */
class JwtIdentityTest {

    private static final Map<String, String> SETTINGS = Map.of("JWT_HS256_SECRET", Tokens.SECRET);

    private final JwtIdentity identity = JwtIdentity.fromEnvironment(SETTINGS, Clock.systemUTC());
    private final long now = Clock.systemUTC().instant().getEpochSecond();

    private static HttpRequest bearer(String scheme, String token) {
        return HttpRequest.get("/aggregates/numbers/a", Map.of("Authorization", scheme + " " + token));
    }

    @Test
    void jwt_identity_takes_the_tenant_from_the_token_never_from_headers_or_body() {
        MemoryEventStore store = new MemoryEventStore();
        HttpApi api = HttpApi.builder(new CommandHandler(store, Examples.registry()), store, identity).build();
        Map<String, String> headers = Map.of("Authorization", "Bearer " + Tokens.hs256(Tokens.claims(now, "")),
                "X-Tenant", "intruder", "Content-Type", "application/json");

        HttpResponse response = api.handle(HttpRequest.post("/commands/AddNumbers", headers,
                "{\"aggregateId\":\"j\",\"tenant\":\"intruder\",\"number1\":1,\"number2\":2}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(store.read(new StreamId("tenant1", "numbers", "j"), 0, 10)).hasSize(1);
        assertThat(api.handle(HttpRequest.post("/commands/AddNumbers", Map.of("X-Tenant", "tenant1", "X-Actor-Id", "user1",
                "Content-Type", "application/json"), "{}")).status()).isEqualTo(401);
    }

    @Test
    void the_scheme_is_bearer_in_any_case_and_nothing_else() {
        String token = Tokens.hs256(Tokens.claims(now, ""));

        assertThat(identity.resolve(bearer("bearer", token)).tenant()).isEqualTo("tenant1");
        assertThatThrownBy(() -> identity.resolve(bearer("Basic", token))).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> identity.resolve(HttpRequest.get("/health", Map.of()))).isInstanceOf(Unauthorized.class);
    }

    @Test
    void claims_are_typed_a_list_role_keeps_its_spaces_and_a_numeric_tenant_is_refused() {
        Actor actor = identity.resolve(bearer("Bearer", Tokens.hs256("{\"sub\":\"user1\",\"tenant\":\"acme\",\"exp\":"
                + (now + 60) + ",\"roles\":[\"Finance manager\",\"auditor\"]}")));

        assertThat(actor.roles()).containsExactlyInAnyOrder("Finance manager", "auditor");
        assertThatThrownBy(() -> identity.resolve(bearer("Bearer", Tokens.hs256("{\"sub\":\"user1\",\"tenant\":42,\"exp\":"
                + (now + 60) + "}")))).isInstanceOf(Unauthorized.class).hasMessageContaining("tenant");
        assertThatThrownBy(() -> identity.resolve(bearer("Bearer", Tokens.hs256("{\"sub\":\"user1\",\"tenant\":\"acme\",\"exp\":"
                + (now + 60) + ",\"roles\":{\"admin\":true}}")))).isInstanceOf(Unauthorized.class).hasMessageContaining("roles");
    }
}
