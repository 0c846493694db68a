package dev.foldline.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.foldline.errors.Unauthorized;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens verified against an identity provider's published key set (JWKS), served here on a free
 * port: the token's kid picks the key, and a rotated key is fetched when a token first names it.
 */
class KeySetTest {

    private final AtomicReference<String> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;
    private JwtVerifier verifier;

    @BeforeEach
    void serveTheKeySet() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            if (published.get() == null) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        verifier = new JwtVerifier(JwtSettings.fromEnvironment(Map.of(JwtSettings.KEY_SET_URL,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks")), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String publish(KeyPair... keys) {
        return new JWKSet(java.util.Arrays.stream(keys).map(k -> (com.nimbusds.jose.jwk.JWK) new RSAKey.Builder(
                (RSAPublicKey) k.getPublic()).keyID(kid(k)).build()).toList()).toString();
    }

    private static String kid(KeyPair key) {
        return "k" + Integer.toHexString(key.getPublic().hashCode());
    }

    private static String token(KeyPair key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().subject("u1").claim("tenant", "t1")
                        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void a_token_signed_with_a_published_key_verifies_and_its_kid_picks_the_key() throws Exception {
        KeyPair first = rsa();
        KeyPair second = rsa();
        published.set(publish(first, second));

        assertThat(verifier.verify(token(first, kid(first)))).containsEntry("tenant", "t1");
        assertThat(verifier.verify(token(second, kid(second)))).containsEntry("sub", "u1");
        assertThat(fetches.get()).isEqualTo(1);
        assertThatThrownBy(() -> verifier.verify(token(first, kid(second)))).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> verifier.verify(token(first, null))).isInstanceOf(Unauthorized.class)
                .hasMessageContaining("kid");
    }

    @Test
    void a_rotated_key_is_fetched_when_a_token_first_names_it_and_an_unknown_key_is_refused() throws Exception {
        KeyPair old = rsa();
        KeyPair rotated = rsa();
        published.set(publish(old));
        assertThat(verifier.verify(token(old, kid(old)))).containsEntry("tenant", "t1");

        published.set(publish(old, rotated));

        assertThat(verifier.verify(token(rotated, kid(rotated)))).containsEntry("tenant", "t1");
        KeyPair stranger = rsa();
        assertThatThrownBy(() -> verifier.verify(token(stranger, kid(stranger)))).isInstanceOf(Unauthorized.class)
                .hasMessageContaining("does not hold");
    }

    @Test
    void a_key_set_that_cannot_be_fetched_is_a_401_after_one_retry_and_a_later_fetch_recovers() throws Exception {
        KeyPair key = rsa();
        published.set(null);

        assertThatThrownBy(() -> verifier.verify(token(key, kid(key)))).isInstanceOf(Unauthorized.class)
                .hasMessageContaining("cannot be read now");
        assertThat(fetches.get()).isEqualTo(2);

        published.set(publish(key));
        assertThat(verifier.verify(token(key, kid(key)))).containsEntry("tenant", "t1");
    }

    @Test
    void a_key_set_url_that_is_not_http_stops_the_start_naming_the_setting() {
        assertThatThrownBy(() -> JwtSettings.fromEnvironment(Map.of(JwtSettings.KEY_SET_URL, "ftp://x/jwks")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(JwtSettings.KEY_SET_URL);
        assertThatThrownBy(() -> JwtSettings.fromEnvironment(Map.of(JwtSettings.KEY_SET_URL, "http://x/jwks",
                JwtSettings.SECRET, "s".repeat(40))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
    }
}
