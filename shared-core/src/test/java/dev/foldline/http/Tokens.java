package dev.foldline.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test JWTs the way an identity provider would, with the JDK's crypto (independent of the verifier's library). */
public final class Tokens {

    public static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";

    private Tokens() {
    }

    public static String hs256(String claimsJson) {
        return hs256(SECRET, claimsJson);
    }

    public static String hs256(String secret, String claimsJson) {
        return hs256(secret, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claimsJson);
    }

    /** Signed with {@link #SECRET} under the given JOSE header, as a careless or hostile issuer might write it. */
    public static String hs256WithHeader(String headerJson, String claimsJson) {
        return hs256(SECRET, headerJson, claimsJson);
    }

    private static String hs256(String secret, String headerJson, String claimsJson) {
        String input = part(headerJson) + "." + part(claimsJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String rs256(PrivateKey key, String claimsJson) {
        String input = part("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + part(claimsJson);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}), which no verifier may accept. */
    public static String unsigned(String claimsJson) {
        return part("{\"alg\":\"none\"}") + "." + part(claimsJson) + ".";
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** Claims for tenant1/user1 valid for the next hour, with the given extra JSON members. */
    public static String claims(long nowSeconds, String extra) {
        return "{\"sub\":\"user1\",\"tenant\":\"tenant1\",\"roles\":[\"manager\"],\"exp\":" + (nowSeconds + 3600)
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private static String part(String json) {
        return encode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
