package dev.foldline.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.WarmupTrigger;
import dev.foldline.command.CommandHandler;
import dev.foldline.http.HttpApi;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.HttpResponse;
import dev.foldline.http.Warmup;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.VerifiedClaimsIdentity;
import dev.foldline.store.EventStore;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API as one HTTP-triggered function serving every route (host.json sets an empty route
 * prefix, so paths are the contract's own). It only translates: the request becomes a core
 * {@link HttpRequest}, the principal App Service authentication verified becomes the claims
 * ({@link ClientPrincipal}; claim names from {@code FOLDLINE_TENANT_CLAIM},
 * {@code FOLDLINE_ACTOR_CLAIM}, {@code FOLDLINE_ROLES_CLAIM}), and the core {@link HttpApi} does
 * routing, parsing, the command and error mapping. No principal: 401 from the core.
 *
 * <p>The principal header is only trusted where App Service says its authentication is on
 * ({@value #AUTH_ENABLED} = {@code True}, which the platform sets): only then does the platform
 * verify the token and strip any such header a client sent. Anywhere else (authentication left
 * off, a local host) every request is anonymous, so a forged header can never name a tenant.
 *
 * <p>The Java worker creates an instance of this class for every invocation. So what the
 * instances serve with, the HTTP API and the command handler with its aggregate cache, is built
 * once per host process ({@link #shared()}): an instance of its own would make every command a cold one.
 */
public final class CommandFunction {

    /** Set by App Service (read-only) when its authentication runs in front of the app. */
    public static final String AUTH_ENABLED = "WEBSITE_AUTH_ENABLED";

    private static final System.Logger LOG = System.getLogger(CommandFunction.class.getName());

    private static Endpoint shared;

    private final Endpoint endpoint;

    public CommandFunction() {
        this.endpoint = shared();
    }

    /** A function with an endpoint of its own over the runtime (tests, or a host of one's own). */
    public CommandFunction(AzureRuntime runtime) {
        this.endpoint = new Endpoint(runtime);
    }

    private static synchronized Endpoint shared() {
        if (shared == null) {
            shared = new Endpoint(AzureRuntime.shared());
        }
        return shared;
    }

    /** What every invocation in a host process serves with. */
    private static final class Endpoint {
        private final EventStore store;
        private final ClaimsMapper claims;
        private final HttpApi api;
        private final boolean principalVerified;

        Endpoint(AzureRuntime runtime) {
            this.store = runtime.store();
            CommandHandler commands = new CommandHandler(runtime.store(), runtime.applications().registry(),
                    runtime.commandOptions());
            this.claims = ClaimsMapper.fromSettings(runtime.env()::get);
            this.api = HttpApi.builder(commands, runtime.store(), new VerifiedClaimsIdentity(claims))
                    .views(runtime.applications().views())
                    .build();
            this.principalVerified = "true".equalsIgnoreCase(runtime.env().getOrDefault(AUTH_ENABLED, "").trim());
            if (!principalVerified) {
                LOG.log(System.Logger.Level.WARNING, "App Service authentication is off (" + AUTH_ENABLED
                        + " is not True): every request is answered as unauthenticated");
            }
        }

        /**
         * The core's dry run on a scratch store, as a caller whose claims come from a principal
         * header decoded the way requests' are, then the store's own priming (a load of a stream
         * no caller can name: the container's metadata, the query path, a connection). Nothing is
         * written; a store that cannot be reached only means the first command sets the client up.
         */
        List<Integer> prime() {
            Map<String, String> names = new LinkedHashMap<>();
            for (String type : List.of(claims.tenantClaim(), claims.actorClaim(), claims.rolesClaim())) {
                names.put(type, "-");
            }
            Map<String, Object> caller = ClientPrincipal.claims(ClientPrincipal.header(names), claims.rolesClaim());
            List<Integer> statuses = Warmup.dryRun(new VerifiedClaimsIdentity(claims), Map.of(), caller);
            try {
                store.prime();
            } catch (RuntimeException unreachable) {
                LOG.log(System.Logger.Level.INFO, "the store could not be reached while warming up: " + unreachable);
            }
            return statuses;
        }

    }

    @FunctionName("http")
    public HttpResponseMessage run(
            @HttpTrigger(name = "request", route = "{*path}", authLevel = AuthorizationLevel.ANONYMOUS, dataType = "binary",
                    methods = {HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE,
                            HttpMethod.HEAD, HttpMethod.OPTIONS})
            HttpRequestMessage<Optional<byte[]>> request,
            ExecutionContext context) {
        HttpResponse response = endpoint.api.handle(toRequest(request, endpoint.principalVerified, endpoint.claims.rolesClaim()));
        HttpResponseMessage.Builder builder = request.createResponseBuilder(HttpStatusType.custom(response.status()));
        response.headers().forEach(builder::header);
        return builder.body(response.body()).build();
    }

    /**
     * Runs when the platform adds an instance to a scaling app, before the instance takes traffic
     * (on plans that run warmup, such as Premium; the Consumption plan never calls it):
     * builds what the instances share (the Cosmos client, connected) and primes it, so that the
     * first command on a new instance does not pay for either.
     */
    @FunctionName("warmup")
    public void warmup(@WarmupTrigger(name = "warmupContext") Object warmupContext, ExecutionContext context) {
        context.getLogger().info("warmed up; the dry run answered " + prime());
    }

    /** What {@link #warmup} runs; the dry run's statuses. */
    List<Integer> prime() {
        return endpoint.prime();
    }

    static HttpRequest toRequest(HttpRequestMessage<Optional<byte[]>> request, boolean principalVerified,
                                 String rolesClaim) {
        URI uri = request.getUri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        Map<String, Object> claims = principalVerified
                ? ClientPrincipal.claims(header(request, ClientPrincipal.HEADER), rolesClaim) : Map.of();
        return new HttpRequest(request.getHttpMethod().name(), path, uri.getRawQuery(), request.getHeaders(),
                request.getBody().orElse(null), claims);
    }

    private static String header(HttpRequestMessage<?> request, String name) {
        return request.getHeaders().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
