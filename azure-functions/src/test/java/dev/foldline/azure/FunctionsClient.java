package dev.foldline.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.foldline.http.contract.AdapterClient;
import dev.foldline.http.contract.Caller;
import dev.foldline.http.contract.ContractRequest;
import dev.foldline.http.contract.ContractResponse;
import dev.foldline.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The HTTP contract suite's client for the command function: each request becomes the
 * {@code HttpRequestMessage} the Functions host hands over, and the caller becomes the
 * {@code X-MS-CLIENT-PRINCIPAL} header App Service authentication adds (default claim names; one
 * claim entry per role, as Entra ID issues them). A request without a caller has no principal.
 */
final class FunctionsClient implements AdapterClient {

    private final CommandFunction function;

    FunctionsClient(CommandFunction function) {
        this.function = function;
    }

    @Override
    public ContractResponse send(ContractRequest request) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        request.caller().ifPresent(caller -> headers.put(ClientPrincipal.HEADER, principal(caller)));
        FakeFunctions.Response response = (FakeFunctions.Response) function.run(
                FakeFunctions.request(request.method(), request.target(), headers, request.body()),
                FakeFunctions.context("http"));
        return new ContractResponse(response.getStatusCode(), response.headers(), (String) response.getBody());
    }

    static String principal(Caller caller) {
        JsonArray claims = new JsonArray();
        claims.add(claim("tenant", caller.tenant()));
        claims.add(claim("sub", caller.actorId()));
        new TreeSet<>(caller.roles()).forEach(role -> claims.add(claim("roles", role)));
        JsonObject principal = new JsonObject();
        principal.addProperty("auth_typ", "aad");
        principal.add("claims", claims);
        principal.addProperty("name_typ", "name");
        principal.addProperty("role_typ", "roles");
        return Base64.getEncoder().encodeToString(Json.write(principal).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject claim(String type, String value) {
        JsonObject claim = new JsonObject();
        claim.addProperty("typ", type);
        claim.addProperty("val", value);
        return claim;
    }
}
