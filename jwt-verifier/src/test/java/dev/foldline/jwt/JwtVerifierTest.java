package dev.foldline.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.errors.Unauthorized;
import dev.foldline.http.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final long NOW_SECONDS = NOW.getEpochSecond();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final JwtKey SECRET = JwtKey.hs256(Tokens.SECRET.getBytes(StandardCharsets.UTF_8));

    private static KeyPair rsa;

    @BeforeAll
    static void keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
    }

    private static JwtVerifier hs256() {
        return new JwtVerifier(JwtSettings.of(SECRET), CLOCK);
    }

    private static JwtVerifier hs256(String issuer, String audience) {
        return new JwtVerifier(new JwtSettings(SECRET, Optional.of(issuer), Optional.of(audience), Duration.ofSeconds(60)),
                CLOCK);
    }

    private static JwtVerifier rs256() {
        return new JwtVerifier(new JwtSettings(JwtKey.rs256(Tokens.pem(rsa.getPublic())), Optional.empty(), Optional.empty(),
                Duration.ZERO), CLOCK);
    }

    private static String valid() {
        return Tokens.hs256(Tokens.claims(NOW_SECONDS, ""));
    }

    private static void assertRefused(String token, String because) {
        assertThatThrownBy(() -> hs256().verify(token)).as(token).isInstanceOf(Unauthorized.class)
                .hasMessageContaining(because);
    }

    @Test
    void accepts_a_valid_hs256_token_and_returns_its_claims_as_typed_json() {
        Map<String, Object> claims = hs256().verify(Tokens.hs256(Tokens.claims(NOW_SECONDS, "\"n\":7,\"ok\":true")));

        assertThat(claims).containsEntry("sub", "user1").containsEntry("tenant", "tenant1")
                .containsEntry("roles", List.of("manager")).containsEntry("n", 7L).containsEntry("ok", true)
                .containsEntry("exp", NOW_SECONDS + 3600);
    }

    @Test
    void rejects_a_token_signed_with_another_secret() {
        String forged = Tokens.hs256("another-secret-that-is-also-long-enough-!", Tokens.claims(NOW_SECONDS, ""));
        assertRefused(forged, "signature");
    }

    @Test
    void rejects_a_token_whose_claims_were_changed_after_signing() {
        String[] parts = valid().split("\\.");
        String other = Tokens.hs256(Tokens.claims(NOW_SECONDS, "\"tenant\":\"victim\"")).split("\\.")[1];
        assertRefused(parts[0] + "." + other + "." + parts[2], "signature");
    }

    @Test
    void rejects_an_unsigned_token() {
        assertRefused(Tokens.unsigned(Tokens.claims(NOW_SECONDS, "")), "HS256");
    }

    @Test
    void rejects_an_expired_token_beyond_the_leeway_but_not_within_it() {
        String expired = Tokens.hs256("{\"sub\":\"u\",\"tenant\":\"t\",\"exp\":" + (NOW_SECONDS - 61) + "}");
        String justExpired = Tokens.hs256("{\"sub\":\"u\",\"tenant\":\"t\",\"exp\":" + (NOW_SECONDS - 30) + "}");

        assertRefused(expired, "Expired");
        assertThat(hs256().verify(justExpired)).containsEntry("sub", "u");
    }

    @Test
    void rejects_a_token_without_expiry_and_one_not_valid_yet_beyond_the_leeway() {
        assertRefused(Tokens.hs256("{\"sub\":\"u\",\"tenant\":\"t\"}"), "exp");
        assertRefused(Tokens.hs256(Tokens.claims(NOW_SECONDS, "\"nbf\":" + (NOW_SECONDS + 61))), "before use time");
        assertThat(hs256().verify(Tokens.hs256(Tokens.claims(NOW_SECONDS, "\"nbf\":" + (NOW_SECONDS + 59)))))
                .containsKey("nbf");
    }

    @Test
    void checks_issuer_and_audience_when_configured() {
        JwtVerifier verifier = hs256("https://issuer.example", "foldline");

        assertThat(verifier.verify(Tokens.hs256(Tokens.claims(NOW_SECONDS,
                "\"iss\":\"https://issuer.example\",\"aud\":[\"other\",\"foldline\"]")))).containsKey("sub");
        for (String wrong : List.of("\"iss\":\"https://evil.example\",\"aud\":\"foldline\"",
                "\"iss\":\"https://issuer.example\",\"aud\":\"other\"", "\"aud\":\"foldline\"",
                "\"iss\":\"https://issuer.example\"", "\"iss\":[\"https://issuer.example\"],\"aud\":\"foldline\"")) {
            assertThatThrownBy(() -> verifier.verify(Tokens.hs256(Tokens.claims(NOW_SECONDS, wrong))))
                    .as(wrong).isInstanceOf(Unauthorized.class);
        }
    }

    @Test
    void accepts_an_rs256_token_from_the_key_pair_and_rejects_an_hs256_token_signed_with_the_public_key() {
        String pem = Tokens.pem(rsa.getPublic());

        assertThat(rs256().verify(Tokens.rs256(rsa.getPrivate(), Tokens.claims(NOW_SECONDS, "")))).containsKey("sub");
        // The classic algorithm confusion: the public key used as an HMAC secret.
        assertThatThrownBy(() -> rs256().verify(Tokens.hs256(pem, Tokens.claims(NOW_SECONDS, ""))))
                .isInstanceOf(Unauthorized.class).hasMessageContaining("RS256");
    }

    @Test
    void rejects_tokens_that_are_not_compact_jws() {
        for (String garbage : List.of("", "abc", "a.b", "a.b.c.d", "!!!.???.***", "e30.e30.", "bnVsbA.bnVsbA.AA",
                "e30.e30.e30", valid() + ".")) {
            assertThatThrownBy(() -> hs256().verify(garbage)).as(garbage).isInstanceOf(Unauthorized.class);
        }
    }

    @Test
    void exp_nbf_and_iat_must_be_integers_within_two_to_the_53() {
        for (String claim : List.of("exp", "nbf", "iat")) {
            for (String value : List.of("1e30", "-1e30", "9007199254740993", "-9007199254740993", "\"" + (NOW_SECONDS + 60) + "\"",
                    (NOW_SECONDS + 0.5) + "", "true", "null", "[" + NOW_SECONDS + "]", "{}")) {
                String exp = claim.equals("exp") ? "" : "\"exp\":" + (NOW_SECONDS + 3600) + ",";
                String claims = "{\"sub\":\"u\",\"tenant\":\"t\"," + exp + "\"" + claim + "\":" + value + "}";
                assertThatThrownBy(() -> hs256().verify(Tokens.hs256(claims))).as(claim + "=" + value)
                        .isInstanceOf(Unauthorized.class).hasMessageContaining(claim);
            }
        }
        assertThat(hs256().verify(Tokens.hs256(Tokens.claims(NOW_SECONDS, "\"iat\":" + NOW_SECONDS + ",\"nbf\":-9007199254740992"))))
                .containsEntry("iat", NOW_SECONDS);
    }

    @Test
    void a_crit_header_is_refused_since_no_extension_is_understood() {
        for (String crit : List.of("[\"exp\"]", "[\"http://example.com/unknown\"]", "[\"b64\"]")) {
            String header = "{\"alg\":\"HS256\",\"crit\":" + crit + ",\"exp\":1,\"b64\":true,\"http://example.com/unknown\":1}";
            assertThatThrownBy(() -> hs256().verify(Tokens.hs256WithHeader(header, Tokens.claims(NOW_SECONDS, ""))))
                    .as(crit).isInstanceOf(Unauthorized.class);
        }
        String unknown = "{\"alg\":\"HS256\",\"crit\":[\"http://example.com/unknown\"],\"http://example.com/unknown\":1}";
        assertRefused(Tokens.hs256WithHeader(unknown, Tokens.claims(NOW_SECONDS, "")), "crit");
    }

    @Test
    void a_signature_in_any_but_its_canonical_base64url_spelling_is_refused() {
        String token = valid();
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String signed = token.substring(0, token.lastIndexOf('.') + 1);
        // 32 bytes of HMAC are 43 characters: the last one carries 4 bits that must be zero.
        char last = signature.charAt(signature.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sameBitsOtherTail = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String standard = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(signature));

        assertThat(hs256().verify(token)).containsKey("sub");
        assertRefused(signed + signature + "=", "signature");
        assertRefused(signed + signature.substring(0, signature.length() - 1) + sameBitsOtherTail, "signature");
        if (!standard.replace("=", "").equals(signature)) {
            assertRefused(signed + standard, "signature");
        }
        assertRefused(signed + signature.substring(0, 20) + " " + signature.substring(20), "signature");
    }

    @Test
    void header_and_payload_must_be_canonical_base64url_too() {
        String[] parts = valid().split("\\.");
        assertRefused(parts[0] + "=." + parts[1] + "." + parts[2], "header");
        assertRefused(parts[0] + "." + parts[1] + "==." + parts[2], "payload");
    }

    @Test
    void a_payload_with_a_duplicate_claim_is_refused() {
        String twice = "{\"sub\":\"u\",\"tenant\":\"t1\",\"tenant\":\"victim\",\"exp\":" + (NOW_SECONDS + 3600) + "}";
        assertRefused(Tokens.hs256(twice), "repeated members");
    }
}
