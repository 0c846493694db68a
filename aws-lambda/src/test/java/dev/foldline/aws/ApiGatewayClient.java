package dev.foldline.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.foldline.http.contract.AdapterClient;
import dev.foldline.http.contract.Caller;
import dev.foldline.http.contract.ContractRequest;
import dev.foldline.http.contract.ContractResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The HTTP contract suite's client for the command function: each request becomes the
 * {@link APIGatewayV2HTTPEvent} (payload format 2.0) an HTTP API with a JWT authorizer hands to
 * Lambda, and the caller becomes the authorizer's verified claims (with the default claim names);
 * a request without a caller has no authorizer context, as on a route without an authorizer.
 */
final class ApiGatewayClient implements AdapterClient {

    private final CommandFunction function;

    ApiGatewayClient(CommandFunction function) {
        this.function = function;
    }

    @Override
    public ContractResponse send(ContractRequest request) {
        APIGatewayV2HTTPResponse response = function.handleRequest(event(request), null);
        String body = response.getBody();
        if (body != null && response.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new ContractResponse(response.getStatusCode(),
                response.getHeaders() == null ? Map.of() : response.getHeaders(), body);
    }

    static APIGatewayV2HTTPEvent event(ContractRequest request) {
        // API Gateway hands header names over in lower case.
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        RequestContext.RequestContextBuilder context = RequestContext.builder()
                .withStage("$default")
                .withRouteKey("$default")
                .withHttp(RequestContext.Http.builder().withMethod(request.method()).withPath(request.path())
                        .withProtocol("HTTP/1.1").build());
        request.caller().ifPresent(caller -> context.withAuthorizer(RequestContext.Authorizer.builder()
                .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(claims(caller)).build()).build()));
        APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(request.path())
                .withRawQueryString(request.query())
                .withHeaders(headers)
                .withRequestContext(context.build());
        byte[] body = request.body();
        if (body.length > 0) {
            // Text bodies arrive as text, anything else base64-encoded.
            String text = utf8(body);
            event.withBody(text != null ? text : Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(text == null);
        }
        return event.build();
    }

    /** The claims as the JWT authorizer renders them: strings, a list claim as "[a b]". */
    private static Map<String, String> claims(Caller caller) {
        Map<String, String> claims = new HashMap<>();
        claims.put("tenant", caller.tenant());
        claims.put("sub", caller.actorId());
        if (!caller.roles().isEmpty()) {
            claims.put("roles", "[" + String.join(" ", new TreeSet<>(caller.roles())) + "]");
        }
        return claims;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
