package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.http.HttpOptions;
import dev.foldline.http.contract.ContractApplication;
import dev.foldline.http.Tokens;
import dev.foldline.jwt.JwtIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime in JWT mode, configured from environment variables as scripts/run-local would be. */
class JwtModeOverHttpTest {

    private static final Map<String, String> ENV = Map.of(
            "AUTH_MODE", "jwt",
            "JWT_HS256_SECRET", Tokens.SECRET,
            "JWT_ISSUER", "https://issuer.example",
            "FOLDLINE_TENANT_CLAIM", "org",
            "FOLDLINE_ROLES_CLAIM", "groups");

    @TempDir
    static Path dataDir;

    private static LocalRuntime runtime;
    private static ApiClient anonymous;

    @BeforeAll
    static void start() {
        LocalConfig config = LocalConfig.fromEnvironment(ENV);
        assertThat(config.identity()).isInstanceOf(JwtIdentity.class);
        runtime = LocalRuntime.start(RuntimeFixture.config(dataDir, config.identity(), HttpOptions.defaults()));
        anonymous = ApiClient.to(runtime.baseUri()).withHeaders();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static String token(String org, String groups, long expiresIn) {
        long now = Clock.systemUTC().instant().getEpochSecond();
        return Tokens.hs256("{\"sub\":\"user1\",\"org\":\"" + org + "\",\"groups\":" + groups
                + ",\"iss\":\"https://issuer.example\",\"exp\":" + (now + expiresIn) + "}");
    }

    private static ApiClient bearer(String token) {
        return anonymous.withHeaders("Authorization", "Bearer " + token);
    }

    @Test
    void a_valid_token_runs_the_command_in_the_tenant_it_names() {
        ApiClient acme = bearer(token("acme", "[\"manager\"]", 600));

        assertThat(acme.command("AddNumbers", "{\"aggregateId\":\"j1\",\"number1\":1,\"number2\":2}").status()).isEqualTo(200);
        assertThat(acme.get("/aggregates/numbers/j1").status()).isEqualTo(200);
        assertThat(bearer(token("other", "[]", 600)).get("/aggregates/numbers/j1").status()).isEqualTo(404);
    }

    @Test
    void dev_headers_mean_nothing_in_jwt_mode() {
        ApiClient headers = anonymous.withHeaders("X-Tenant", "acme", "X-Actor-Id", "user1");
        assertThat(headers.command("AddNumbers", "{\"number1\":1,\"number2\":2}").status()).isEqualTo(401);
    }

    @Test
    void a_missing_expired_or_forged_token_is_401() {
        assertThat(anonymous.command("AddNumbers", "{\"number1\":1,\"number2\":2}").status()).isEqualTo(401);
        assertThat(bearer(token("acme", "[]", -3600)).command("AddNumbers", "{\"number1\":1,\"number2\":2}").status())
                .isEqualTo(401);
        String forged = Tokens.hs256("a-guessed-secret-that-is-long-enough-too!", "{\"sub\":\"u\",\"org\":\"acme\"}");
        assertThat(bearer(forged).command("AddNumbers", "{\"number1\":1,\"number2\":2}").status()).isEqualTo(401);
    }

    @Test
    void a_hostile_token_is_401_and_writes_nothing() {
        long now = Clock.systemUTC().instant().getEpochSecond();
        String claims = "{\"sub\":\"user1\",\"org\":\"acme\",\"iss\":\"https://issuer.example\",\"exp\":" + (now + 600);
        String valid = Tokens.hs256(claims + "}");
        List<String> hostile = List.of(
                Tokens.hs256("{\"sub\":\"user1\",\"org\":\"acme\",\"iss\":\"https://issuer.example\",\"exp\":1e30}"),
                Tokens.hs256(claims + ",\"iat\":\"yesterday\"}"),
                Tokens.hs256WithHeader("{\"alg\":\"HS256\",\"crit\":[\"x\"],\"x\":1}", claims + "}"),
                valid + "=",
                Tokens.hs256(claims + ",\"org\":\"victim\"}"),
                Tokens.hs256(claims.replace("\"acme\"", "[\"acme\"]") + "}"),
                Tokens.hs256(claims + ",\"groups\":{\"admin\":true}}"));
        for (String token : hostile) {
            ApiClient.Reply response = bearer(token).command("AddNumbers", "{\"aggregateId\":\"hostile\",\"number1\":1,\"number2\":2}");
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.contentType()).as(token).startsWith("application/problem+json");
        }
        assertThat(bearer(valid).get("/aggregates/numbers/hostile").status()).isEqualTo(404);
    }

    @Test
    void a_list_role_keeps_its_spaces() {
        String open = "{\"aggregateId\":\"v2\"}";
        assertThat(bearer(token("acme", "[\"Finance manager\",\"admin\"]", 600)).command(ContractApplication.OPEN_SAFE, open)
                .status()).isEqualTo(200);
    }

    @Test
    void configuration_mistakes_stop_the_start_with_a_message_naming_the_setting(@TempDir Path keys) throws Exception {
        Map<String, String> jwt = Map.of("AUTH_MODE", "jwt");
        Map<String, String> mistakes = new LinkedHashMap<>();
        mistakes.put("JWT_LEEWAY_SECONDS=-5", "JWT_LEEWAY_SECONDS");
        mistakes.put("JWT_HS256_SECRET=", "JWT_HS256_SECRET is empty");
        mistakes.put("JWT_HS256_SECRET=short-secret", "at least 32 bytes");
        mistakes.put("JWT_RS256_PUBLIC_KEY_FILE=" + keys.resolve("absent.pem"), "cannot be read");
        mistakes.put("JWT_RS256_PUBLIC_KEY_FILE=" + Files.writeString(keys.resolve("not-a-key.pem"), "hello"), "not an RSA public key");
        mistakes.forEach((setting, message) -> {
            Map<String, String> env = new HashMap<>(jwt);
            if (!setting.startsWith("JWT_HS256_SECRET") && !setting.startsWith("JWT_RS256")) {
                env.put("JWT_HS256_SECRET", Tokens.SECRET);
            }
            env.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            assertThatThrownBy(() -> LocalConfig.fromEnvironment(env)).as(setting)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        });
    }

    @Test
    void roles_come_from_the_configured_claim() {
        String open = "{\"aggregateId\":\"v1\"}";
        String command = ContractApplication.OPEN_SAFE;
        assertThat(bearer(token("acme", "[\"manager\"]", 600)).command(command, open).status()).isEqualTo(403);
        assertThat(bearer(token("acme", "[\"admin\"]", 600)).command(command, open).status()).isEqualTo(200);
    }

    @Test
    void development_headers_are_refused_beyond_loopback() {
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("HOST", "0.0.0.0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AUTH_MODE=jwt");
    }

    @Test
    void jwt_mode_without_a_key_does_not_start() {
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("AUTH_MODE", "jwt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JWT_HS256_SECRET");
    }

    @Test
    void a_misspelt_jwt_setting_stops_the_start_rather_than_turn_its_check_off() {
        Map<String, String> misspelt = new HashMap<>(ENV);
        misspelt.put("JWT_AUDEINCE", "foldline");
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(misspelt))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JWT_AUDEINCE is not a setting")
                .hasMessageContaining("JWT_AUDIENCE");
    }
}
