package dev.foldline.local;

import dev.foldline.app.Assembly;
import dev.foldline.http.HttpOptions;
import dev.foldline.http.identity.DevHeaderIdentity;
import dev.foldline.http.identity.IdentityResolver;
import dev.foldline.jwt.JwtIdentity;
import dev.foldline.trace.Tracer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The runtime's settings, all from environment variables so that {@code scripts/run-local} and a
 * test's child process configure it the same way.
 *
 * @param host     the address to bind; only loopback unless identity comes from verified JWTs
 * @param port     0 picks a free port
 * @param settings the environment the application is assembled from ({@link dev.foldline.app.Assembly}:
 *                 {@code FOLDLINE_EXAMPLES} and whatever else applications read)
 * @param tracer   what commands and handler calls report to ({@code FOLDLINE_TRACE=on} logs them)
 * @param server   read timeout, connection cap, workers and queue, shutdown drain ({@code FOLDLINE_*} settings)
 */
public record LocalConfig(String host, int port, Path dataDir, HttpOptions http, IdentityResolver identity,
                          String identityDescription, Map<String, String> settings, Tracer tracer,
                          ServerLimits server) {

    public LocalConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(tracer, "tracer");
        Objects.requireNonNull(server, "server");
        settings = Map.copyOf(settings);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PORT must be 0 to 65535");
        }
        if (identity instanceof DevHeaderIdentity && !isLoopback(host)) {
            // Dev headers let any caller claim any tenant: never offer that beyond this machine.
            throw new IllegalArgumentException("HOST " + host + " is not loopback: set AUTH_MODE=jwt to expose the runtime");
        }
    }

    /** With the server's default limits. */
    public LocalConfig(String host, int port, Path dataDir, HttpOptions http, IdentityResolver identity,
                       String identityDescription, Map<String, String> settings, Tracer tracer) {
        this(host, port, dataDir, http, identity, identityDescription, settings, tracer, ServerLimits.defaults());
    }

    public LocalConfig withServer(ServerLimits limits) {
        return new LocalConfig(host, port, dataDir, http, identity, identityDescription, settings, tracer, limits);
    }

    /** Loopback, port 8080, {@code ./data}, development identity headers, examples on. */
    public static LocalConfig fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("HOST", "127.0.0.1");
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080").trim());
        Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "data"));
        HttpOptions http = new HttpOptions(Integer.parseInt(
                env.getOrDefault("MAX_BODY_BYTES", Integer.toString(HttpOptions.DEFAULT_MAX_BODY_BYTES)).trim()));
        String mode = env.getOrDefault("AUTH_MODE", "dev").trim().toLowerCase(Locale.ROOT);
        IdentityResolver identity = switch (mode) {
            case "dev" -> new DevHeaderIdentity();
            case "jwt" -> JwtIdentity.fromEnvironment(env, Clock.systemUTC());
            default -> throw new IllegalArgumentException("AUTH_MODE must be dev or jwt, not " + mode);
        };
        Assembly.examples(env); // a bad FOLDLINE_EXAMPLES stops the start with a clear message
        return new LocalConfig(host, port, dataDir, http, identity,
                mode.equals("dev") ? "development headers X-Tenant, X-Actor-Id, X-Actor-Roles" : "JWT bearer tokens",
                env, Tracer.fromSetting(env.get("FOLDLINE_TRACE")), ServerLimits.fromEnvironment(env));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("HOST " + host + " is unknown", e);
        }
    }
}
