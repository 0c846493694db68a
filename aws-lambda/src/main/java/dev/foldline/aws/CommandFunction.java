package dev.foldline.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.foldline.command.CommandHandler;
import dev.foldline.http.HttpApi;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.HttpResponse;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.VerifiedClaimsIdentity;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API on Lambda behind an API Gateway HTTP API with a JWT authorizer. It only translates:
 * the event becomes a core {@link HttpRequest}, the authorizer's verified claims become the actor
 * (claim names from the settings every runtime reads, {@link ClaimsMapper#fromSettings}), and the
 * core {@link HttpApi} does routing, parsing, the command and error mapping. A request without claims is answered 401 by the core
 * ({@link VerifiedClaimsIdentity}).
 */
public final class CommandFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final HttpApi api;

    /** For Lambda: clients and applications built once per container, from the environment. */
    public CommandFunction() {
        this(AwsRuntime.fromEnvironment(System.getenv()));
    }

    /** For tests and embedding: a runtime built from given clients. */
    public CommandFunction(AwsRuntime runtime) {
        ClaimsMapper claims = ClaimsMapper.fromSettings(runtime.env()::get);
        CommandHandler commands = new CommandHandler(runtime.store(), runtime.applications().registry(),
                CommandHandler.Options.defaults().withTracer(runtime.tracer()).withSettings(runtime.env()));
        this.api = HttpApi.builder(commands, runtime.store(), new VerifiedClaimsIdentity(claims))
                .views(runtime.applications().views())
                .build();
        prime(claims);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return toResponse(api.handle(toRequest(event)));
    }

    /**
     * Loads and links the request path during initialisation, so that it is part of the SnapStart
     * snapshot: a health request and an unknown command through the core API, the claims mapping and
     * the envelope codec, on fixed data. No network, nothing random, nothing read from the clock.
     */
    private void prime(ClaimsMapper claims) {
        api.handle(HttpRequest.get("/health", Map.of()));
        api.handle(HttpRequest.post("/commands/-", Map.of("Content-Type", "application/json"), "{}"));
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put(claims.rolesClaim(), "-");
        fixed.put(claims.actorClaim(), "-");
        fixed.put(claims.tenantClaim(), "-");
        Actor actor = claims.toActor(fixed);
        Envelope envelope = new Envelope(new StreamId(actor.tenant(), "-", "-"), 0, "-", actor,
                List.of(Event.of("-", Payload.empty().with("n", 1))), Instant.EPOCH);
        EnvelopeCodec.read(EnvelopeCodec.write(envelope));
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
