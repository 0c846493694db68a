package dev.foldline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.errors.Unauthorized;
import dev.foldline.http.identity.JwtKey;
import dev.foldline.http.identity.JwtVerifier;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final long NOW_SECONDS = NOW.getEpochSecond();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static JwtVerifier hs256() {
        return new JwtVerifier(JwtKey.Hs256.ofText(Tokens.SECRET), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(60), CLOCK);
    }

    private static JwtVerifier hs256(String issuer, String audience) {
        return new JwtVerifier(JwtKey.Hs256.ofText(Tokens.SECRET), Optional.of(issuer), Optional.of(audience),
                Duration.ofSeconds(60), CLOCK);
    }

    @Test
    void accepts_a_valid_hs256_token_and_returns_its_claims() {
        Map<String, Object> claims = hs256().verify(Tokens.hs256(Tokens.claims(NOW_SECONDS, "\"n\":7")));

        assertThat(claims).containsEntry("sub", "user1").containsEntry("tenant", "tenant1")
                .containsEntry("roles", List.of("manager")).containsEntry("n", "7");
    }

    @Test
    void rejects_a_token_signed_with_another_secret() {
        String forged = Tokens.hs256("another-secret-that-is-also-long-enough-!", Tokens.claims(NOW_SECONDS, ""));
        assertThatThrownBy(() -> hs256().verify(forged)).isInstanceOf(Unauthorized.class).hasMessageContaining("signature");
    }

    @Test
    void rejects_a_token_whose_claims_were_changed_after_signing() {
        String[] parts = Tokens.hs256(Tokens.claims(NOW_SECONDS, "")).split("\\.");
        String other = Tokens.hs256(Tokens.claims(NOW_SECONDS, "\"tenant\":\"victim\"")).split("\\.")[1];
        assertThatThrownBy(() -> hs256().verify(parts[0] + "." + other + "." + parts[2]))
                .isInstanceOf(Unauthorized.class);
    }

    @Test
    void rejects_an_unsigned_token() {
        assertThatThrownBy(() -> hs256().verify(Tokens.unsigned(Tokens.claims(NOW_SECONDS, ""))))
                .isInstanceOf(Unauthorized.class).hasMessageContaining("HS256");
    }

    @Test
    void rejects_an_expired_token_beyond_the_leeway_but_not_within_it() {
        String expired = Tokens.hs256("{\"sub\":\"u\",\"tenant\":\"t\",\"exp\":" + (NOW_SECONDS - 61) + "}");
        String justExpired = Tokens.hs256("{\"sub\":\"u\",\"tenant\":\"t\",\"exp\":" + (NOW_SECONDS - 30) + "}");

        assertThatThrownBy(() -> hs256().verify(expired)).isInstanceOf(Unauthorized.class).hasMessageContaining("expired");
        assertThat(hs256().verify(justExpired)).containsEntry("sub", "u");
    }

    @Test
    void rejects_a_token_without_expiry_and_one_not_valid_yet() {
        assertThatThrownBy(() -> hs256().verify(Tokens.hs256("{\"sub\":\"u\",\"tenant\":\"t\"}")))
                .isInstanceOf(Unauthorized.class).hasMessageContaining("exp");
        assertThatThrownBy(() -> hs256().verify(Tokens.hs256(Tokens.claims(NOW_SECONDS, "\"nbf\":" + (NOW_SECONDS + 600)))))
                .isInstanceOf(Unauthorized.class).hasMessageContaining("not valid yet");
    }

    @Test
    void checks_issuer_and_audience_when_configured() {
        JwtVerifier verifier = hs256("https://issuer.example", "foldline");

        assertThat(verifier.verify(Tokens.hs256(Tokens.claims(NOW_SECONDS,
                "\"iss\":\"https://issuer.example\",\"aud\":[\"other\",\"foldline\"]")))).containsKey("sub");
        assertThatThrownBy(() -> verifier.verify(Tokens.hs256(Tokens.claims(NOW_SECONDS,
                "\"iss\":\"https://evil.example\",\"aud\":\"foldline\"")))).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> verifier.verify(Tokens.hs256(Tokens.claims(NOW_SECONDS,
                "\"iss\":\"https://issuer.example\",\"aud\":\"other\"")))).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> verifier.verify(Tokens.hs256(Tokens.claims(NOW_SECONDS, ""))))
                .isInstanceOf(Unauthorized.class);
    }

    @Test
    void accepts_an_rs256_token_from_the_key_pair_and_rejects_an_hs256_token_signed_with_the_public_key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = Tokens.pem(pair.getPublic());
        JwtVerifier verifier = new JwtVerifier(JwtKey.rs256(pem), Optional.empty(), Optional.empty(),
                Duration.ZERO, CLOCK);

        assertThat(verifier.verify(Tokens.rs256(pair.getPrivate(), Tokens.claims(NOW_SECONDS, "")))).containsKey("sub");
        // The classic algorithm confusion: the public key used as an HMAC secret.
        assertThatThrownBy(() -> verifier.verify(Tokens.hs256(pem, Tokens.claims(NOW_SECONDS, ""))))
                .isInstanceOf(Unauthorized.class);
    }

    @Test
    void rejects_tokens_that_are_not_compact_jws() {
        for (String garbage : List.of("", "abc", "a.b", "a.b.c.d", "!!!.???.***", "e30.e30.", "bnVsbA.bnVsbA.AA")) {
            assertThatThrownBy(() -> hs256().verify(garbage)).as(garbage).isInstanceOf(Unauthorized.class);
        }
    }

    @Test
    void refuses_an_hs256_secret_shorter_than_32_bytes() {
        assertThatThrownBy(() -> JwtKey.Hs256.ofText("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
