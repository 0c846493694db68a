package dev.foldline.jwt;

import dev.foldline.errors.Unauthorized;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The three parts of a compact JWS, each required to be canonical base64url (RFC 7515 2 and
 * RFC 4648 5: no padding, no characters outside the alphabet, unused trailing bits zero). A
 * lenient decoder accepts several spellings of one signature, so a token could be altered
 * without touching what is signed; only the one canonical spelling is accepted.
 */
final class CompactParts {

    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");
    private static final List<String> NAMES = List.of("header", "payload", "signature");

    private CompactParts() {
    }

    static void requireCanonical(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != NAMES.size()) {
            throw new Unauthorized("the bearer token is not a compact JWS (header.payload.signature)");
        }
        for (int i = 0; i < parts.length; i++) {
            if (!isCanonical(parts[i])) {
                throw new Unauthorized("the token's " + NAMES.get(i) + " is not canonical base64url");
            }
        }
    }

    static boolean isCanonical(String part) {
        if (!ALPHABET.matcher(part).matches() || part.length() % 4 == 1) {
            return false;
        }
        // Re-encoding what was decoded gives the part back only if its unused trailing bits were zero.
        byte[] decoded = Base64.getUrlDecoder().decode(part);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(part);
    }
}
