package dev.foldline.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The key tokens must be signed with, which also fixes the one algorithm accepted: a token's
 * {@code alg} header never chooses how it is verified (no {@code none}, no HS256 with an RSA key).
 *
 * @param algorithm the JWS algorithm this key verifies
 * @param verifier  nimbus-jose-jwt's verifier for that key
 */
public record JwtKey(JWSAlgorithm algorithm, JWSVerifier verifier) {

    /** RFC 7518 3.2: an HS256 key at least as long as the hash. */
    public static final int MIN_SECRET_BYTES = 32;
    /** RFC 7518 3.3: RSA keys of 2048 bits or more. */
    public static final int MIN_RSA_BITS = 2048;

    public JwtKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(verifier, "verifier");
    }

    /** A shared secret of at least {@value #MIN_SECRET_BYTES} bytes. */
    public static JwtKey hs256(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes, this one has "
                    + secret.length);
        }
        try {
            return new JwtKey(JWSAlgorithm.HS256, new MACVerifier(secret));
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
        return new JwtKey(JWSAlgorithm.RS256, new RSASSAVerifier(key));
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
