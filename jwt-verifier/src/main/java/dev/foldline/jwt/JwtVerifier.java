package dev.foldline.jwt;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.foldline.errors.Unauthorized;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies a compact JWS bearer token with nimbus-jose-jwt: the signature with the configured key
 * and only its algorithm, {@code exp} (required) and {@code nbf} with the configured leeway, and
 * {@code iss} and {@code aud} when configured. On top of the library: each part must be canonical
 * base64url, {@code exp}/{@code nbf}/{@code iat} must be integers within +-2^53, and any {@code crit}
 * header is refused (this verifier understands no extension, RFC 7515 4.1.11). Every failure is a
 * 401 whose message says what was wrong, never the token.
 */
public final class JwtVerifier {

    private final JwtKey key;
    private final DefaultJWTClaimsVerifier<?> claimsVerifier;

    public JwtVerifier(JwtSettings settings, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        this.key = settings.key();
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        settings.issuer().ifPresent(exact::issuer);
        Set<String> audiences = settings.audience().map(Set::of).orElse(null);
        // A token without expiry would be valid forever once leaked.
        this.claimsVerifier = new DefaultJWTClaimsVerifier<>(audiences, exact.build(), Set.of(JWTClaimNames.EXPIRATION_TIME),
                null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claimsVerifier.setMaxClockSkew((int) settings.leeway().toSeconds());
    }

    /** The token's claims as its JSON holds them: strings, lists, {@link Long} or {@link Double} numbers, booleans, maps. */
    public Map<String, Object> verify(String token) {
        CompactParts.requireCanonical(token);
        try {
            return verifyCanonical(token);
        } catch (Unauthorized e) {
            throw e;
        } catch (RuntimeException e) {
            // Whatever the library trips over in a hostile token is the caller's fault, never a 500.
            throw new Unauthorized("the token is malformed");
        }
    }

    private Map<String, Object> verifyCanonical(String token) {
        SignedJWT jwt = signedWithTheKey(token);
        Map<String, Object> payload = jwt.getPayload().toJSONObject();
        if (payload == null) {
            throw new Unauthorized("the token's payload is not a JSON object without repeated members");
        }
        NumericDates.requireIntegers(payload);
        try {
            claimsVerifier.verify(jwt.getJWTClaimsSet(), null);
        } catch (BadJWTException e) {
            throw new Unauthorized("the token is refused: " + e.getMessage());
        } catch (ParseException e) {
            throw new Unauthorized("the token's claims are malformed");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    private SignedJWT signedWithTheKey(String token) {
        String header = token.substring(0, token.indexOf('.'));
        JWSHeader jws;
        try {
            // The header alone first: an unsigned (alg none) token is refused as such, not as garbage.
            if (!(Header.parse(new Base64URL(header)) instanceof JWSHeader parsed)
                    || !key.algorithm().equals(parsed.getAlgorithm())) {
                throw new Unauthorized("the token must be signed with " + key.algorithm());
            }
            jws = parsed;
        } catch (ParseException e) {
            throw new Unauthorized("the token's header is not a JOSE header");
        }
        if (jws.getCriticalParams() != null) {
            throw new Unauthorized("the token's crit header names extensions this server does not understand");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(key.verifier(jws))) {
                throw new Unauthorized("the token's signature does not verify");
            }
            return jwt;
        } catch (ParseException e) {
            throw new Unauthorized("the token is not a signed JWT");
        } catch (JOSEException e) {
            throw new Unauthorized("the token's signature does not verify");
        }
    }
}
