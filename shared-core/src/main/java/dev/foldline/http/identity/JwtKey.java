package dev.foldline.http.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key a token must be signed with, which also fixes the one algorithm accepted: a token's
 * {@code alg} header never chooses how it is verified (no "none", no HS256 with an RSA key).
 */
public sealed interface JwtKey {

    /** The JWS {@code alg} name this key verifies. */
    String algorithm();

    boolean verifies(byte[] signingInput, byte[] signature);

    /** A shared secret of at least 32 bytes (RFC 7518 asks for a key as long as the hash). */
    static JwtKey hs256(byte[] secret) {
        return new Hs256(secret);
    }

    /** An RSA public key in PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    static JwtKey rs256(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new Rs256(key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA public key in PEM form", e);
        }
    }

    record Hs256(byte[] secret) implements JwtKey {

        public Hs256 {
            if (secret == null || secret.length < 32) {
                throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes");
            }
            secret = secret.clone();
        }

        public static Hs256 ofText(String secret) {
            return new Hs256(secret.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String algorithm() {
            return "HS256";
        }

        @Override
        public boolean verifies(byte[] signingInput, byte[] signature) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                // Constant-time comparison: timing must not reveal how much of a forged MAC matched.
                return MessageDigest.isEqual(mac.doFinal(signingInput), signature);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable", e);
            }
        }

        @Override
        public String toString() {
            return "Hs256[secret hidden]";
        }
    }

    record Rs256(PublicKey key) implements JwtKey {

        @Override
        public String algorithm() {
            return "RS256";
        }

        @Override
        public boolean verifies(byte[] signingInput, byte[] signature) {
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(key);
                verifier.update(signingInput);
                return verifier.verify(signature);
            } catch (java.security.SignatureException e) {
                return false;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA256withRSA is unavailable", e);
            }
        }
    }
}
