package dev.foldline.gcp;

import com.google.cloud.functions.HttpFunction;
import dev.foldline.command.CommandHandler;
import dev.foldline.http.HttpApi;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.HttpResponse;
import dev.foldline.http.Warmup;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.IdentityResolver;
import dev.foldline.json.Json;
import dev.foldline.jwt.JwtIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API as a Cloud Function (2nd gen, Functions Framework). It only translates: the
 * request becomes a core {@link HttpRequest} and the core {@link HttpApi} does routing, identity,
 * parsing, the command and error mapping.
 *
 * <p>Identity ({@code FOLDLINE_GCP_IDENTITY}): {@code gateway} (the default) takes the claims API
 * Gateway verified ({@link ApiGatewayIdentity}); {@code token} verifies an
 * {@code Authorization: Bearer} ID token itself against the configured key (the core's JWT mode).
 * Claim names come from {@code FOLDLINE_TENANT_CLAIM}, {@code FOLDLINE_ACTOR_CLAIM} and
 * {@code FOLDLINE_ROLES_CLAIM}.
 */
public final class HttpApiFunction implements HttpFunction {

    private final HttpApi api;

    /** For Cloud Functions: the client and applications built once per instance, from the environment. */
    public HttpApiFunction() {
        this(GcpRuntime.fromEnvironment(System.getenv()));
    }

    public HttpApiFunction(GcpRuntime runtime) {
        CommandHandler commands = new CommandHandler(runtime.store(), runtime.applications().registry(),
                runtime.commandOptions());
        IdentityResolver identity = identity(runtime);
        this.api = HttpApi.builder(commands, runtime.store(), identity)
                .views(runtime.applications().views())
                .build();
        if (identity instanceof ApiGatewayIdentity) {
            prime(runtime);
        }
    }

    /**
     * Loads and links the request path while the instance starts, before it takes traffic: the
     * core's dry run on a scratch store, as the gateway's caller. Nothing reaches Firestore.
     */
    static List<Integer> prime(GcpRuntime runtime) {
        ClaimsMapper claims = ClaimsMapper.fromSettings(runtime.env()::get);
        Map<String, String> caller = new LinkedHashMap<>();
        caller.put(claims.tenantClaim(), "-");
        caller.put(claims.actorClaim(), "-");
        String userinfo = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(caller).getBytes(StandardCharsets.UTF_8));
        return Warmup.dryRun(new ApiGatewayIdentity(claims), Map.of(ApiGatewayIdentity.USERINFO, userinfo), Map.of());
    }

    static IdentityResolver identity(GcpRuntime runtime) {
        String mode = runtime.setting("FOLDLINE_GCP_IDENTITY", "gateway");
        return switch (mode) {
            case "gateway" -> new ApiGatewayIdentity(ClaimsMapper.fromSettings(runtime.env()::get));
            case "token" -> JwtIdentity.fromEnvironment(runtime.env(), Clock.systemUTC());
            default -> throw new IllegalStateException("FOLDLINE_GCP_IDENTITY must be gateway or token, not " + mode);
        };
    }

    @Override
    public void service(com.google.cloud.functions.HttpRequest request, com.google.cloud.functions.HttpResponse response)
            throws IOException {
        HttpResponse answer = api.handle(toRequest(request, api.options().maxBodyBytes()));
        response.setStatusCode(answer.status());
        answer.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Content-Type")) {
                response.setContentType(value);
            } else {
                response.appendHeader(name, value);
            }
        });
        try (OutputStream out = response.getOutputStream()) {
            out.write(answer.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The core request; at most one byte more than the limit is read, so the core can answer 413. */
    static HttpRequest toRequest(com.google.cloud.functions.HttpRequest request, int maxBodyBytes) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        return new HttpRequest(request.getMethod(), request.getPath(), request.getQuery().orElse(""), headers, body);
    }
}
