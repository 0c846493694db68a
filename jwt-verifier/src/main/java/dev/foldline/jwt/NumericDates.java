package dev.foldline.jwt;

import dev.foldline.errors.Unauthorized;
import java.util.List;
import java.util.Map;

/**
 * {@code exp}, {@code nbf} and {@code iat} as RFC 7519 NumericDates, held to whole seconds a JSON
 * number carries exactly: integers within +-2^53. A string, a fraction or 1e30 is refused before
 * any library turns it into a date (1e30 seconds would overflow into a far-future or past date).
 */
final class NumericDates {

    static final List<String> CLAIMS = List.of("exp", "nbf", "iat");
    private static final long LIMIT = 1L << 53;

    private NumericDates() {
    }

    /** @param payload the token's claims as parsed, numbers as {@link Long} or {@link Double} */
    static void requireIntegers(Map<String, Object> payload) {
        for (String claim : CLAIMS) {
            if (payload.containsKey(claim) && !isInteger(payload.get(claim))) {
                throw new Unauthorized("the token's " + claim + " is not a whole number of seconds within +-2^53");
            }
        }
    }

    private static boolean isInteger(Object value) {
        if (value instanceof Long seconds) {
            return seconds >= -LIMIT && seconds <= LIMIT;
        }
        if (value instanceof Double seconds) {
            return seconds == Math.rint(seconds) && seconds >= -LIMIT && seconds <= LIMIT;
        }
        return false;
    }
}
