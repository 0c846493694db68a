package dev.foldline.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.foldline.http.identity.ClaimsMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How tokens are verified, from environment variables, every mistake refused at start with a
 * message naming the setting: {@value #SECRET}, {@value #KEY_FILE} or {@value #KEY_SET_URL} (exactly one), optional
 * {@value #ISSUER} and {@value #AUDIENCE}, {@value #LEEWAY} (default 60, 0 to 3600).
 *
 * @param leeway the clock skew allowed on {@code exp} and {@code nbf}
 */
public record JwtSettings(JwtKey key, Optional<String> issuer, Optional<String> audience, Duration leeway) {

    public static final String SECRET = "JWT_HS256_SECRET";
    public static final String KEY_FILE = "JWT_RS256_PUBLIC_KEY_FILE";
    public static final String KEY_SET_URL = "JWT_JWKS_URL";
    public static final String ISSUER = "JWT_ISSUER";
    public static final String AUDIENCE = "JWT_AUDIENCE";
    public static final String LEEWAY = "JWT_LEEWAY_SECONDS";

    /** Every setting of the verifier, in the order the refusal of an unknown one lists them. */
    static final List<String> NAMES = List.of(SECRET, KEY_FILE, KEY_SET_URL, ISSUER, AUDIENCE, LEEWAY);
    private static final String PREFIX = "JWT_";

    static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(60);
    /** More skew than this would make {@code exp} meaningless. */
    static final Duration MAX_LEEWAY = Duration.ofHours(1);

    public JwtSettings {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        if (leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
            throw new IllegalArgumentException(LEEWAY + " must be 0 to " + MAX_LEEWAY.toSeconds() + " seconds, not "
                    + leeway.toSeconds());
        }
    }

    /** The key alone: no issuer or audience required, the default leeway. */
    public static JwtSettings of(JwtKey key) {
        return new JwtSettings(key, Optional.empty(), Optional.empty(), DEFAULT_LEEWAY);
    }

    /**
     * The settings from the environment, refusing any {@code JWT_} variable the verifier does not
     * read: a misspelt {@value #AUDIENCE} or {@value #ISSUER} left alone would turn that check off.
     */
    public static JwtSettings fromEnvironment(Map<String, String> env) {
        List<String> unknown = env.keySet().stream()
                .filter(name -> name.startsWith(PREFIX) && !NAMES.contains(name))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", unknown)
                    + (unknown.size() == 1 ? " is not a setting" : " are not settings")
                    + ": the JWT settings are " + String.join(", ", NAMES)
                    + "; the claim names are set with " + ClaimsMapper.TENANT_CLAIM + ", " + ClaimsMapper.ACTOR_CLAIM
                    + " and " + ClaimsMapper.ROLES_CLAIM);
        }
        return fromSettings(env::get);
    }

    private static JwtSettings fromSettings(Function<String, String> env) {
        String secret = env.apply(SECRET);
        String keyFile = env.apply(KEY_FILE);
        String keySet = env.apply(KEY_SET_URL);
        long given = java.util.stream.Stream.of(secret, keyFile, keySet).filter(Objects::nonNull).count();
        if (given != 1) {
            throw new IllegalArgumentException("JWT mode needs exactly one of " + SECRET + ", " + KEY_FILE + " and "
                    + KEY_SET_URL);
        }
        JwtKey key = secret != null ? secretKey(secret) : keyFile != null ? publicKey(keyFile) : keySet(keySet);
        return new JwtSettings(key, text(env, ISSUER), text(env, AUDIENCE), leeway(env.apply(LEEWAY)));
    }

    private static JwtKey secretKey(String secret) {
        // Taken as given, not trimmed: the secret is bytes the identity provider shares.
        if (secret.isBlank()) {
            throw new IllegalArgumentException(SECRET + " is empty");
        }
        try {
            return JwtKey.hs256(secret.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SECRET + ": " + e.getMessage(), e);
        }
    }

    private static JwtKey publicKey(String keyFile) {
        if (keyFile.isBlank()) {
            throw new IllegalArgumentException(KEY_FILE + " is empty");
        }
        Path file = Path.of(keyFile.trim());
        String pem;
        try {
            pem = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(KEY_FILE + " " + file + " cannot be read (" + e + ")", e);
        }
        try {
            return JwtKey.rs256(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY_FILE + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static JwtKey keySet(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url.trim());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return JwtKey.rs256KeySet(uri.toURL());
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw new IllegalArgumentException(KEY_SET_URL + " " + url.trim() + " is not a key set URL: " + e.getMessage(), e);
        }
    }

    private static Duration leeway(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LEEWAY;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(LEEWAY + " must be a whole number of seconds, not " + value.trim(), e);
        }
    }

    private static Optional<String> text(Function<String, String> env, String name) {
        return Optional.ofNullable(env.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
