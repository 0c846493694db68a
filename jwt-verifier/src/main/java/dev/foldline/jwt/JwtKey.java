package dev.foldline.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import dev.foldline.errors.Unauthorized;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The key tokens must be signed with, which also fixes the one algorithm accepted: a token's
 * {@code alg} header never chooses how it is verified (no {@code none}, no HS256 with an RSA key).
 * One fixed key (a shared secret, an RSA public key), or an identity provider's published key set
 * (JWKS), from which the token's {@code kid} picks the RSA key, so that keys can rotate.
 *
 * @param algorithm the JWS algorithm this key verifies
 * @param verifiers nimbus-jose-jwt's verifier for a token's header
 */
public record JwtKey(JWSAlgorithm algorithm, Verifiers verifiers) {

    /** The verifier for a token with this header; a 401 when there is none. */
    @FunctionalInterface
    public interface Verifiers {
        JWSVerifier forHeader(JWSHeader header);
    }

    /** RFC 7518 3.2: an HS256 key at least as long as the hash. */
    public static final int MIN_SECRET_BYTES = 32;
    /** RFC 7518 3.3: RSA keys of 2048 bits or more. */
    public static final int MIN_RSA_BITS = 2048;
    private static final int KEY_SET_TIMEOUT_MS = 5_000;

    public JwtKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(verifiers, "verifiers");
    }

    /** The verifier of the key that signed a token with this header. */
    public JWSVerifier verifier(JWSHeader header) {
        return verifiers.forHeader(header);
    }

    /** A shared secret of at least {@value #MIN_SECRET_BYTES} bytes. */
    public static JwtKey hs256(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes, this one has "
                    + secret.length);
        }
        try {
            MACVerifier verifier = new MACVerifier(secret);
            return new JwtKey(JWSAlgorithm.HS256, header -> verifier);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable HS256 secret: " + e.getMessage(), e);
        }
    }

    /** An RSA public key of at least {@value #MIN_RSA_BITS} bits in PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public static JwtKey rs256(String pem) {
        RSAPublicKey key = rsaPublicKey(pem);
        if (key.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("an RS256 key needs at least " + MIN_RSA_BITS + " bits, this one has "
                    + key.getModulus().bitLength());
        }
        RSASSAVerifier verifier = new RSASSAVerifier(key);
        return new JwtKey(JWSAlgorithm.RS256, header -> verifier);
    }

    /**
     * RS256 keys published as a JSON Web Key Set at {@code url} (an identity provider's
     * {@code jwks_uri}, such as Google's or Firebase's): fetched when first needed, cached, and
     * fetched again when a token names a {@code kid} the cache does not hold (a rotated key).
     * A token without a {@code kid}, or naming none the set holds, is a 401.
     */
    public static JwtKey rs256KeySet(URL url) {
        // The library's 500 ms timeouts fail a cold function's first fetch on a busy host; a
        // failed fetch is retried once before the token is refused.
        JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(url,
                        new DefaultResourceRetriever(KEY_SET_TIMEOUT_MS, KEY_SET_TIMEOUT_MS,
                                JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
                .rateLimited(false)
                .retrying(true)
                .build();
        return new JwtKey(JWSAlgorithm.RS256, header -> {
            if (header.getKeyID() == null) {
                throw new Unauthorized("the token names no key (kid)");
            }
            List<JWK> keys;
            try {
                keys = source.get(new JWKSelector(new JWKMatcher.Builder()
                        .keyType(KeyType.RSA).keyID(header.getKeyID()).build()), null);
            } catch (KeySourceException e) {
                throw new Unauthorized("the key set to verify the token with cannot be read now");
            }
            if (keys.isEmpty()) {
                throw new Unauthorized("the token names a key (kid) the key set does not hold");
            }
            try {
                RSAPublicKey key = keys.get(0).toRSAKey().toRSAPublicKey();
                if (key.getModulus().bitLength() < MIN_RSA_BITS) {
                    throw new Unauthorized("the key the token names is shorter than " + MIN_RSA_BITS + " bits");
                }
                return new RSASSAVerifier(key);
            } catch (JOSEException e) {
                throw new Unauthorized("the key the token names is not a usable RSA key");
            }
        });
    }

    private static RSAPublicKey rsaPublicKey(String pem) {
        if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new IllegalArgumentException("not an RSA public key in PEM form (-----BEGIN PUBLIC KEY-----)");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA public key in PEM form (-----BEGIN PUBLIC KEY-----)", e);
        }
    }

    @Override
    public String toString() {
        return "JwtKey[" + algorithm + "]";
    }
}
