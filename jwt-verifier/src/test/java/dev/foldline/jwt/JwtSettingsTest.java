package dev.foldline.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.http.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration mistakes stop the start with a message naming the setting. */
class JwtSettingsTest {

    @TempDir
    Path dir;

    private static void assertRefused(Map<String, String> env, String message) {
        assertThatThrownBy(() -> JwtSettings.fromEnvironment(env)).as(env.toString())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    private Path publicKey(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return Files.writeString(dir.resolve("key-" + bits + ".pem"), Tokens.pem(generator.generateKeyPair().getPublic()));
    }

    @Test
    void an_hs256_secret_with_issuer_audience_and_leeway() {
        JwtSettings settings = JwtSettings.fromEnvironment(Map.of("JWT_HS256_SECRET", Tokens.SECRET,
                "JWT_ISSUER", " https://issuer.example ", "JWT_AUDIENCE", "foldline", "JWT_LEEWAY_SECONDS", "0"));

        assertThat(settings.key().algorithm().getName()).isEqualTo("HS256");
        assertThat(settings.issuer()).contains("https://issuer.example");
        assertThat(settings.audience()).contains("foldline");
        assertThat(settings.leeway()).isEqualTo(Duration.ZERO);
        assertThat(settings.key().toString()).doesNotContain(Tokens.SECRET);
    }

    @Test
    void an_rs256_key_file_with_the_default_leeway() throws Exception {
        JwtSettings settings = JwtSettings.fromEnvironment(Map.of("JWT_RS256_PUBLIC_KEY_FILE", publicKey(2048).toString(),
                "JWT_ISSUER", " "));

        assertThat(settings.key().algorithm().getName()).isEqualTo("RS256");
        assertThat(settings.issuer()).isEqualTo(Optional.empty());
        assertThat(settings.leeway()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void a_jwt_variable_the_verifier_does_not_read_is_refused_not_ignored() {
        // Misspelt, the audience check would be off without a word.
        assertRefused(Map.of("JWT_HS256_SECRET", Tokens.SECRET, "JWT_AUDEINCE", "foldline"),
                "JWT_AUDEINCE is not a setting: the JWT settings are JWT_HS256_SECRET, JWT_RS256_PUBLIC_KEY_FILE, "
                        + "JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE, JWT_LEEWAY_SECONDS; the claim names are set with "
                        + "FOLDLINE_TENANT_CLAIM, FOLDLINE_ACTOR_CLAIM and FOLDLINE_ROLES_CLAIM");
        assertRefused(Map.of("JWT_HS256_SECRET", Tokens.SECRET, "JWT_TENANT", "org", "JWT_ISUER", "x"),
                "JWT_ISUER, JWT_TENANT are not settings");
        assertThat(JwtSettings.fromEnvironment(Map.of("JWT_HS256_SECRET", Tokens.SECRET, "FOLDLINE_TENANT_CLAIM", "org",
                "JAVA_OPTS", "-Xmx1g")).key()).isNotNull();
    }

    @Test
    void exactly_one_key_is_required() throws Exception {
        assertRefused(Map.of(), "exactly one of JWT_HS256_SECRET, JWT_RS256_PUBLIC_KEY_FILE and JWT_JWKS_URL");
        assertRefused(Map.of("JWT_HS256_SECRET", Tokens.SECRET, "JWT_RS256_PUBLIC_KEY_FILE", publicKey(2048).toString()),
                "exactly one");
    }

    @Test
    void an_empty_or_short_secret_is_refused() {
        assertRefused(Map.of("JWT_HS256_SECRET", ""), "JWT_HS256_SECRET is empty");
        assertRefused(Map.of("JWT_HS256_SECRET", "   "), "JWT_HS256_SECRET is empty");
        assertRefused(Map.of("JWT_HS256_SECRET", "x".repeat(31)), "at least 32 bytes");
        assertThat(JwtSettings.fromEnvironment(Map.of("JWT_HS256_SECRET", "x".repeat(32))).key()).isNotNull();
    }

    @Test
    void a_key_file_that_is_empty_unreadable_not_a_key_or_too_small_is_refused() throws Exception {
        assertRefused(Map.of("JWT_RS256_PUBLIC_KEY_FILE", ""), "JWT_RS256_PUBLIC_KEY_FILE is empty");
        assertRefused(Map.of("JWT_RS256_PUBLIC_KEY_FILE", dir.resolve("missing.pem").toString()), "cannot be read");
        assertRefused(Map.of("JWT_RS256_PUBLIC_KEY_FILE", dir.toString()), "cannot be read");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n");
        assertRefused(Map.of("JWT_RS256_PUBLIC_KEY_FILE", garbage.toString()), "not an RSA public key");
        Path secret = Files.writeString(dir.resolve("secret.txt"), Tokens.SECRET);
        assertRefused(Map.of("JWT_RS256_PUBLIC_KEY_FILE", secret.toString()), "not an RSA public key");
        assertRefused(Map.of("JWT_RS256_PUBLIC_KEY_FILE", publicKey(1024).toString()), "at least 2048 bits");
    }

    @Test
    void a_negative_huge_or_malformed_leeway_is_refused() {
        for (String leeway : new String[] {"-1", "3601", "ten", "1.5", "99999999999999999999"}) {
            assertRefused(Map.of("JWT_HS256_SECRET", Tokens.SECRET, "JWT_LEEWAY_SECONDS", leeway), "JWT_LEEWAY_SECONDS");
        }
    }
}
