package dev.foldline.http.identity;

import dev.foldline.errors.Unauthorized;
import dev.foldline.http.HttpRequest;
import dev.foldline.model.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** JWT mode: a verified {@code Authorization: Bearer} token, its claims mapped to the actor. */
public final class JwtIdentity implements IdentityResolver {

    private final JwtVerifier verifier;
    private final ClaimsMapper claims;

    public JwtIdentity(JwtVerifier verifier, ClaimsMapper claims) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.claims = Objects.requireNonNull(claims, "claims");
    }

    /**
     * Configuration from environment variables, shared by every runtime that verifies tokens itself:
     * {@code JWT_HS256_SECRET} or {@code JWT_RS256_PUBLIC_KEY_FILE} (a PEM file), optional
     * {@code JWT_ISSUER}, {@code JWT_AUDIENCE}, {@code JWT_LEEWAY_SECONDS} (default 60), and the
     * claim names every runtime reads ({@link ClaimsMapper#fromSettings}).
     */
    public static JwtIdentity fromEnvironment(Function<String, String> env, Clock clock) {
        Optional<String> secret = value(env, "JWT_HS256_SECRET");
        Optional<String> keyFile = value(env, "JWT_RS256_PUBLIC_KEY_FILE");
        if (secret.isPresent() == keyFile.isPresent()) {
            throw new IllegalArgumentException("JWT mode needs exactly one of JWT_HS256_SECRET and JWT_RS256_PUBLIC_KEY_FILE");
        }
        JwtKey key = secret.map(JwtKey.Hs256::ofText).map(JwtKey.class::cast)
                .orElseGet(() -> JwtKey.rs256(read(Path.of(keyFile.get()))));
        Duration leeway = Duration.ofSeconds(Long.parseLong(value(env, "JWT_LEEWAY_SECONDS").orElse("60")));
        JwtVerifier verifier = new JwtVerifier(key, value(env, "JWT_ISSUER"), value(env, "JWT_AUDIENCE"), leeway, clock);
        return new JwtIdentity(verifier, ClaimsMapper.fromSettings(env));
    }

    @Override
    public Actor resolve(HttpRequest request) {
        String authorization = request.header("Authorization").orElseThrow(
                () -> new Unauthorized("an Authorization: Bearer token is required"));
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("an Authorization: Bearer token is required");
        }
        return claims.toActor(verifier.verify(authorization.substring(7).trim()));
    }

    private static Optional<String> value(Function<String, String> env, String name) {
        return Optional.ofNullable(env.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key " + file, e);
        }
    }
}
