package dev.foldline.command;

import dev.foldline.json.Payload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

/**
 * An idempotency key with the fingerprint of what it asked for: the command and its whole
 * payload in canonical form, hashed, so that a reordered but equal payload matches.
 */
record KeyedRequest(String key, String fingerprint) {

    static KeyedRequest of(String key, String command, Payload payload) {
        return new KeyedRequest(key, sha256(command + "\n" + payload.canonicalJson()));
    }

    /** The id a create without an aggregate id gets, so that its retry reaches the same aggregate. */
    String aggregateId(String tenant, String type) {
        return UUID.nameUUIDFromBytes(("idempotency\u0000" + tenant + "\u0000" + type + "\u0000" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
