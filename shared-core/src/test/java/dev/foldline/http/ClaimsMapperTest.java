package dev.foldline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.errors.Unauthorized;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.JsonClaims;
import dev.foldline.http.identity.VerifiedClaimsIdentity;
import dev.foldline.model.Actor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsMapperTest {

    @Test
    void maps_tenant_actor_and_roles_from_the_default_claims() {
        Actor actor = ClaimsMapper.defaults().toActor(Map.of("tenant", "t1", "sub", "u1", "roles", List.of("a", "b")));

        assertThat(actor.tenant()).isEqualTo("t1");
        assertThat(actor.id()).isEqualTo("u1");
        assertThat(actor.roles()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void claim_names_come_from_the_same_settings_in_every_runtime_with_defaults() {
        ClaimsMapper cognito = ClaimsMapper.fromSettings(Map.of(
                "FOLDLINE_TENANT_CLAIM", " custom:tenant ", "FOLDLINE_ROLES_CLAIM", "cognito:groups")::get);
        assertThat(cognito).isEqualTo(new ClaimsMapper("custom:tenant", "sub", "cognito:groups"));
        assertThat(ClaimsMapper.fromSettings(Map.of("FOLDLINE_ACTOR_CLAIM", " ")::get)).isEqualTo(ClaimsMapper.defaults());
    }

    @Test
    void reads_roles_as_api_gateway_renders_a_list_claim() {
        ClaimsMapper cognito = new ClaimsMapper("custom:tenant", "sub", "cognito:groups");

        Actor actor = cognito.toActor(Map.of("custom:tenant", "t1", "sub", "u1", "cognito:groups", "[admin manager]"));

        assertThat(actor.roles()).containsExactlyInAnyOrder("admin", "manager");
    }

    @Test
    void reads_roles_from_a_comma_separated_string_and_ignores_empty_ones() {
        Actor actor = ClaimsMapper.defaults().toActor(Map.of("tenant", "t1", "sub", "u1", "roles", " a, ,b,,"));

        assertThat(actor.roles()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void an_identity_without_tenant_or_actor_is_unauthorized() {
        assertThatThrownBy(() -> ClaimsMapper.defaults().toActor(Map.of("sub", "u1")))
                .isInstanceOf(Unauthorized.class).hasMessageContaining("tenant");
        assertThatThrownBy(() -> ClaimsMapper.defaults().toActor(Map.of("tenant", "t1", "sub", "  ")))
                .isInstanceOf(Unauthorized.class).hasMessageContaining("sub");
    }

    @Test
    void an_unusable_tenant_name_is_unauthorized() {
        assertThatThrownBy(() -> ClaimsMapper.defaults().toActor(Map.of("tenant", "t".repeat(300), "sub", "u")))
                .isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> ClaimsMapper.defaults().toActor(Map.of("tenant", "a\u0000b", "sub", "u")))
                .isInstanceOf(Unauthorized.class);
    }

    @Test
    void a_tenant_or_actor_claim_that_is_not_a_non_empty_string_is_unauthorized() {
        for (Object notAName : List.of(42L, 4.2, true, List.of("t1"), List.of(), Map.of("id", "t1"), "", "  ", "[t1 t2]")) {
            assertThatThrownBy(() -> ClaimsMapper.defaults().toActor(Map.of("tenant", notAName, "sub", "u1")))
                    .as("tenant %s", notAName).isInstanceOf(Unauthorized.class).hasMessageContaining("tenant");
            assertThatThrownBy(() -> ClaimsMapper.defaults().toActor(Map.of("tenant", "t1", "sub", notAName)))
                    .as("sub %s", notAName).isInstanceOf(Unauthorized.class).hasMessageContaining("sub");
        }
    }

    @Test
    void a_roles_claim_that_is_neither_a_string_nor_a_list_of_strings_is_unauthorized() {
        List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        for (Object notRoles : List.of(7L, true, Map.of("admin", true), List.of("admin", 7L), List.of(List.of("admin")), withNull)) {
            assertThatThrownBy(() -> ClaimsMapper.defaults().toActor(Map.of("tenant", "t1", "sub", "u1", "roles", notRoles)))
                    .as("roles %s", notRoles).isInstanceOf(Unauthorized.class).hasMessageContaining("roles");
        }
    }

    @Test
    void a_list_role_is_one_role_even_with_spaces_and_only_a_string_roles_claim_is_split() {
        Actor listed = ClaimsMapper.defaults().toActor(Map.of("tenant", "t1", "sub", "u1",
                "roles", List.of("Finance manager", " auditor ", "")));
        Actor spaced = ClaimsMapper.defaults().toActor(Map.of("tenant", "t1", "sub", "u1", "roles", "Finance manager"));

        assertThat(listed.roles()).containsExactlyInAnyOrder("Finance manager", "auditor");
        assertThat(spaced.roles()).containsExactlyInAnyOrder("Finance", "manager");
    }

    @Test
    void a_role_with_control_characters_is_unauthorized() {
        assertThatThrownBy(() -> ClaimsMapper.defaults().toActor(Map.of("tenant", "t1", "sub", "u1",
                "roles", List.of("admin\nroot")))).isInstanceOf(Unauthorized.class).hasMessageContaining("roles");
    }

    @Test
    void claims_forwarded_as_json_keep_their_types_so_a_numeric_tenant_is_refused() {
        Map<String, Object> claims = JsonClaims.parse(
                "{\"tenant\":\"t1\",\"sub\":\"u1\",\"roles\":[\"Finance manager\"],\"exp\":1767225600,\"n\":1.5}", "userinfo");

        assertThat(claims).containsEntry("exp", 1767225600L).containsEntry("n", 1.5);
        assertThat(ClaimsMapper.defaults().toActor(claims).roles()).containsExactly("Finance manager");
        assertThatThrownBy(() -> ClaimsMapper.defaults().toActor(JsonClaims.parse("{\"tenant\":42,\"sub\":\"u1\"}", "userinfo")))
                .isInstanceOf(Unauthorized.class).hasMessageContaining("tenant");
    }

    @Test
    void forwarded_claims_that_are_not_one_json_object_or_repeat_a_member_are_unauthorized() {
        for (String bad : List.of("", "[]", "\"t1\"", "{\"tenant\":\"t1\"} {}", "{tenant:t1}", "{\"tenant\":\"t1\",\"tenant\":\"t2\"}",
                "{\"tenant\":NaN}")) {
            assertThatThrownBy(() -> JsonClaims.parse(bad, "userinfo")).as(bad)
                    .isInstanceOf(Unauthorized.class).hasMessageContaining("userinfo");
        }
    }

    @Test
    void platform_verified_claims_on_the_request_become_the_actor_and_headers_are_ignored() {
        VerifiedClaimsIdentity identity = new VerifiedClaimsIdentity(ClaimsMapper.defaults());
        HttpRequest bare = HttpRequest.get("/health", Map.of("X-Tenant", "t9", "X-Actor-Id", "u9"));

        Actor actor = identity.resolve(bare.withVerifiedClaims(Map.of("tenant", "t1", "sub", "u1", "roles", "[admin]")));

        assertThat(actor.tenant()).isEqualTo("t1");
        assertThat(actor.roles()).containsExactly("admin");
        assertThatThrownBy(() -> identity.resolve(bare)).isInstanceOf(Unauthorized.class);
    }
}
