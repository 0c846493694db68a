package dev.foldline.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.command.CommandHandler;
import dev.foldline.http.HttpApi;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.HttpResponse;
import dev.foldline.http.Warmup;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.VerifiedClaimsIdentity;
import dev.foldline.store.EventStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP API on Lambda behind an API Gateway HTTP API with a JWT authorizer. It only translates:
 * the event becomes a core {@link HttpRequest}, the authorizer's verified claims become the actor
 * (claim names from the settings every runtime reads, {@link ClaimsMapper#fromSettings}), and the
 * core {@link HttpApi} does routing, parsing, the command and error mapping. A request without claims is answered 401 by the core
 * ({@link VerifiedClaimsIdentity}).
 */
public final class CommandFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final System.Logger LOG = System.getLogger(CommandFunction.class.getName());

    /**
     * How Lambda started this execution environment: {@code on-demand}, {@code provisioned-concurrency},
     * {@code snap-start} or {@code lambda-managed-instances}.
     */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /**
     * Rounds of priming: one round loads the request path, but leaves it to the interpreter until
     * the JIT has seen it run often enough to compile it; the compiled code is part of the snapshot.
     * The store's requests go in fewer rounds: each costs a refused write (one write unit), and a
     * table with little provisioned capacity should not be throttled by an environment starting.
     */
    static final int PRIMING_ROUNDS = 100;
    static final int STORE_PRIMING_ROUNDS = 10;
    /**
     * Rounds of the dry run on the store's twin: 20 instead of 100 saved 0.3 s of initialisation but
     * left the first command after a restore 1.2 ms slower and its followers slower too (BENCHMARKS.md).
     */
    static final int TWIN_PRIMING_ROUNDS = 100;
    private static final String SNAP_START = "snap-start";
    private static final Set<String> PRIMED_INITIALISATIONS = Set.of(SNAP_START, "provisioned-concurrency",
            "lambda-managed-instances");

    private final HttpApi api;
    /** Held so that the runtime, which holds its hooks weakly, still finds it at the restore; null unless SnapStart. */
    private final RestorePriming restoreHook;

    /** For Lambda: clients and applications built once per container, from the environment. */
    public CommandFunction() {
        this(AwsRuntime.fromEnvironment(System.getenv()));
    }

    /** For tests and embedding: a runtime built from given clients. */
    public CommandFunction(AwsRuntime runtime) {
        ClaimsMapper claims = ClaimsMapper.fromSettings(runtime.env()::get);
        CommandHandler commands = new CommandHandler(runtime.store(), runtime.applications().registry(),
                runtime.commandOptions());
        this.api = HttpApi.builder(commands, runtime.store(), new VerifiedClaimsIdentity(claims))
                .views(runtime.applications().views())
                .build();
        if (primes(runtime.env())) {
            prime(runtime, claims);
        }
        this.restoreHook = restores(runtime.env())
                ? RestorePriming.register(() -> runtime.store().load(EventStore.PRIMING_STREAM, -1))
                : null;
    }

    /**
     * Whether this initialisation runs ahead of any request, so that priming takes time off the
     * first request: SnapStart (the snapshot keeps it), provisioned concurrency and Lambda Managed
     * Instances (environments are initialised before traffic reaches them). An on-demand cold start,
     * or a run outside Lambda, would only add the dry run and a read to the first request's wait
     * (measured in BENCHMARKS.md): the request itself loads what it needs, and no more.
     */
    static boolean primes(Map<String, String> env) {
        return PRIMED_INITIALISATIONS.contains(env.getOrDefault(INITIALIZATION_TYPE, "on-demand"));
    }

    /**
     * Whether this environment is a snapshot that Lambda will resume, possibly many times and long
     * after it was taken: then the store is read once after each restore ({@link RestorePriming}).
     */
    static boolean restores(Map<String, String> env) {
        return SNAP_START.equals(env.get(INITIALIZATION_TYPE));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return toResponse(api.handle(toRequest(event)));
    }

    /**
     * Loads, links and compiles the request path during initialisation, so that it is part of the
     * SnapStart snapshot and the first request after a restore runs as warm as the rest, in
     * {@link #PRIMING_ROUNDS} rounds of: the core's dry run (commands, reads, errors, the envelope
     * codec, through this function's identity mapping, on a scratch store), this function's event
     * translation (a command no application has), then the store's own requests as a command sends
     * them ({@code EventStore.prime}: marshalling, signing, the connection), on a stream no caller
     * can name; then the dry run on the store's twin answered in process, for the success path.
     * Nothing is written and nothing random is kept; a store that cannot be reached is left
     * alone after its first failure, and only means the first command sets the client up.
     */
    private void prime(AwsRuntime runtime, ClaimsMapper claims) {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put(claims.rolesClaim(), "-");
        fixed.put(claims.actorClaim(), "-");
        fixed.put(claims.tenantClaim(), "-");
        APIGatewayV2HTTPEvent unknownCommand = unknownCommand(fixed);
        boolean storeReached = true;
        for (int round = 0; round < PRIMING_ROUNDS; round++) {
            Warmup.dryRun(new VerifiedClaimsIdentity(claims), Map.of(), fixed);
            handleRequest(unknownCommand, null);
            try {
                if (storeReached && round < STORE_PRIMING_ROUNDS) {
                    runtime.store().prime();
                }
            } catch (RuntimeException unreachable) {
                storeReached = false;
                LOG.log(System.Logger.Level.INFO, "the store could not be reached while priming: " + unreachable);
            }
        }
        if (runtime.store() instanceof DynamoDbEventStore dynamo) {
            dynamo.withLocalAnswers(twin -> primeSuccessPath(twin, claims, fixed));
        }
    }

    /**
     * The dry run again on the store's twin answered in process, for what the real table's priming
     * cannot reach without writing: an accepted put, the SDK's success path and the store's code
     * after it. A twin that cannot sign (no credentials at init) is left alone.
     */
    private static void primeSuccessPath(EventStore twin, ClaimsMapper claims, Map<String, String> fixed) {
        try {
            twin.load(EventStore.PRIMING_STREAM, -1);
        } catch (RuntimeException cannotSign) {
            LOG.log(System.Logger.Level.INFO, "the success path could not be primed: " + cannotSign);
            return;
        }
        for (int round = 0; round < TWIN_PRIMING_ROUNDS; round++) {
            Warmup.dryRun(new VerifiedClaimsIdentity(claims), Map.of(), fixed, twin);
        }
    }

    /**
     * A command as API Gateway delivers one (stage, headers, body, the authorizer's claims), so that
     * the event's translation is primed both ways, named so that no application can have it (a
     * name holds no space): answered 404 before anything reaches the store.
     */
    private static APIGatewayV2HTTPEvent unknownCommand(Map<String, String> claims) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath("/commands/no%20such%20command")
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{}")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(claims).build())
                                .build())
                        .build())
                .build();
    }

    /** The core request, with the claims API Gateway's JWT authorizer verified (none without it). */
    static HttpRequest toRequest(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod() : "GET";
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        String stage = context == null ? null : context.getStage();
        if (stage != null && !stage.equals("$default") && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        byte[] body = null;
        if (event.getBody() != null) {
            body = event.getIsBase64Encoded()
                    ? Base64.getDecoder().decode(event.getBody())
                    : event.getBody().getBytes(StandardCharsets.UTF_8);
        }
        return new HttpRequest(method, path, event.getRawQueryString(), event.getHeaders(), body, verifiedClaims(event));
    }

    private static Map<String, String> verifiedClaims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    private static APIGatewayV2HTTPResponse toResponse(HttpResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
