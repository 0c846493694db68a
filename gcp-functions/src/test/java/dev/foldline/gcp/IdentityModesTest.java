package dev.foldline.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.errors.Unauthorized;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.Tokens;
import dev.foldline.http.identity.IdentityResolver;
import dev.foldline.model.Actor;
import dev.foldline.store.MemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FOLDLINE_GCP_IDENTITY: whose word the HTTP function takes for the caller. */
class IdentityModesTest {

    private static IdentityResolver identity(Map<String, String> settings) {
        return HttpApiFunction.identity(GcpRuntime.of(new MemoryEventStore(), List.of(new TestApplication(List.of())), settings));
    }

    private static String userinfo(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest request(Map<String, String> headers) {
        return HttpRequest.get("/aggregates/numbers/a", headers);
    }

    @Test
    void in_gateway_mode_the_gateways_claims_count_and_a_bearer_token_does_not() {
        IdentityResolver gateway = identity(Map.of("FOLDLINE_TENANT_CLAIM", "org"));

        Actor actor = gateway.resolve(request(Map.of(ApiGatewayIdentity.USERINFO,
                userinfo("{\"org\":\"acme\",\"sub\":\"u1\",\"roles\":[\"admin\",\"user\"]}"))));

        assertThat(actor.tenant()).isEqualTo("acme");
        assertThat(actor.roles()).containsExactlyInAnyOrder("admin", "user");
        assertThatThrownBy(() -> gateway.resolve(request(Map.of("Authorization", "Bearer " + Tokens.hs256("{}")))))
                .isInstanceOf(Unauthorized.class);
    }

    @Test
    void in_gateway_mode_claims_keep_their_types_so_a_number_is_no_tenant_and_a_list_role_keeps_its_spaces() {
        IdentityResolver gateway = identity(Map.of());

        assertThatThrownBy(() -> gateway.resolve(request(Map.of(ApiGatewayIdentity.USERINFO,
                userinfo("{\"tenant\":42,\"sub\":\"u1\"}"))))).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> gateway.resolve(request(Map.of(ApiGatewayIdentity.USERINFO,
                userinfo("{\"tenant\":\"a\",\"tenant\":\"b\",\"sub\":\"u1\"}"))))).isInstanceOf(Unauthorized.class);
        assertThat(gateway.resolve(request(Map.of(ApiGatewayIdentity.USERINFO,
                userinfo("{\"tenant\":\"t1\",\"sub\":\"u1\",\"roles\":[\"Finance manager\"]}")))).roles())
                .containsExactly("Finance manager");
    }

    @Test
    void in_token_mode_a_token_verified_against_the_configured_key_counts_and_the_gateway_header_does_not(
            @TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = Files.writeString(dir.resolve("key.pem"), Tokens.pem(keys.getPublic()));
        IdentityResolver token = identity(Map.of("FOLDLINE_GCP_IDENTITY", "token",
                "JWT_RS256_PUBLIC_KEY_FILE", pem.toString()));
        long now = System.currentTimeMillis() / 1000;

        Actor actor = token.resolve(request(Map.of("Authorization",
                "Bearer " + Tokens.rs256(keys.getPrivate(), Tokens.claims(now, "")))));

        assertThat(actor.tenant()).isEqualTo("tenant1");
        assertThatThrownBy(() -> token.resolve(request(Map.of("Authorization",
                "Bearer " + Tokens.unsigned(Tokens.claims(now, "")))))).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> token.resolve(request(Map.of(ApiGatewayIdentity.USERINFO,
                userinfo("{\"tenant\":\"tenant1\",\"sub\":\"u1\"}"))))).isInstanceOf(Unauthorized.class);
    }

    @Test
    void priming_at_start_goes_through_the_gateway_identity_and_the_whole_request_path() {
        List<Integer> statuses = HttpApiFunction.prime(GcpRuntime.of(new MemoryEventStore(),
                List.of(new TestApplication(List.of())), Map.of("FOLDLINE_TENANT_CLAIM", "org")));

        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 200, 400, 404);
    }

    @Test
    void an_unknown_mode_is_refused_at_start() {
        assertThatThrownBy(() -> identity(Map.of("FOLDLINE_GCP_IDENTITY", "trust-me")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FOLDLINE_GCP_IDENTITY");
    }
}
