package dev.foldline.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import com.google.gson.JsonObject;
import dev.foldline.command.RetryBackoff;
import dev.foldline.gcp.firestore.FirestoreEventStore;
import dev.foldline.gcp.firestore.FirestoreStoreOptions;
import dev.foldline.json.Json;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP function served by the Functions Framework over real HTTP, on the emulator's store. */
@ExtendWith(FirestoreEmulator.class)
class HttpApiFunctionTest {

    /** Claim names as a deployment might set them; {@link #userinfo} uses them. */
    static final Map<String, String> CLAIM_SETTINGS = Map.of("FOLDLINE_TENANT_CLAIM", "org", "FOLDLINE_ROLES_CLAIM", "groups");

    private static final HttpClient http = HttpClient.newHttpClient();
    private static FunctionServer server;

    private final String tenant = "t-" + UUID.randomUUID();

    @BeforeAll
    static void serve() {
        FirestoreEventStore store = new FirestoreEventStore(FirestoreEmulator.sharedClient(), FirestoreStoreOptions.defaults());
        server = FunctionServer.http(GcpRuntime.of(store, List.of(new TestApplication(List.of())),
                CLAIM_SETTINGS));
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(server);
    }

    /** The header API Gateway sets after verifying a JWT with these claims. */
    static String userinfo(String tenant, String subject) {
        JsonObject claims = new JsonObject();
        claims.addProperty("org", tenant);
        claims.addProperty("sub", subject);
        claims.add("groups", Json.parseTree("[\"user\"]"));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + server.hostPort() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + server.hostPort() + path)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> as(String tenantName) {
        return Map.of(ApiGatewayIdentity.USERINFO, userinfo(tenantName, "user1"));
    }

    @Test
    void a_command_runs_as_the_gateway_verified_caller_and_its_aggregate_reads_back() throws Exception {
        HttpResponse<String> created = post("/commands/AddNumbers", "{\"number1\":1,\"number2\":2}", as(tenant));
        String id = Json.parseObject(created.body()).get("aggregateId").getAsString();
        HttpResponse<String> second = post("/commands/AddNumbers",
                "{\"aggregateId\":\"" + id + "\",\"number1\":3,\"number2\":4}", as(tenant));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("ETag")).contains("\"1\"");
        HttpResponse<String> state = get("/aggregates/numbers/" + id, as(tenant));
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(Json.parseObject(state.body()).getAsJsonObject("state").get("sum").getAsInt()).isEqualTo(10);
        HttpResponse<String> envelopes = get("/aggregates/numbers/" + id + "/envelopes", as(tenant));
        assertThat(Json.parseObject(envelopes.body()).getAsJsonArray("envelopes")).hasSize(2);
    }

    @Test
    void another_tenants_aggregate_is_not_found() throws Exception {
        String id = Json.parseObject(post("/commands/AddNumbers", "{\"number1\":1,\"number2\":2}", as(tenant)).body())
                .get("aggregateId").getAsString();

        HttpResponse<String> other = get("/aggregates/numbers/" + id, as("t-" + UUID.randomUUID()));

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void without_the_gateways_header_or_with_a_malformed_one_the_answer_is_401() throws Exception {
        HttpResponse<String> none = post("/commands/AddNumbers", "{\"number1\":1,\"number2\":2}", Map.of());
        HttpResponse<String> malformed = post("/commands/AddNumbers", "{\"number1\":1,\"number2\":2}",
                Map.of(ApiGatewayIdentity.USERINFO, "not base64 json!"));
        HttpResponse<String> noTenant = post("/commands/AddNumbers", "{\"number1\":1,\"number2\":2}",
                Map.of(ApiGatewayIdentity.USERINFO, Base64.getUrlEncoder().encodeToString("{\"sub\":\"u\"}".getBytes(StandardCharsets.UTF_8))));

        for (HttpResponse<String> response : List.of(none, malformed, noTenant)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    @Test
    void bad_input_is_a_400_problem_naming_the_argument_and_writes_nothing() throws Exception {
        HttpResponse<String> response = post("/commands/AddNumbers", "{\"number1\":\"x\",\"number2\":2,\"aggregateId\":\"bad\"}", as(tenant));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parseObject(response.body()).get("argument").getAsString()).isEqualTo("number1");
        assertThat(get("/aggregates/numbers/bad", as(tenant)).statusCode()).isEqualTo(404);
    }

    @Test
    void firestore_staying_overloaded_is_a_503_problem_with_retry_after_and_nothing_is_written() throws Exception {
        RpcRecorder rpcs = new RpcRecorder();
        Firestore overloaded = FirestoreEmulator.shared().client(rpcs);
        FunctionServer busy = FunctionServer.http(GcpRuntime.of(
                new FirestoreEventStore(overloaded, FirestoreStoreOptions.defaults()
                        .withRetries(2, new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))),
                List.of(new TestApplication(List.of())), CLAIM_SETTINGS));
        try {
            rpcs.fail("Commit", Status.RESOURCE_EXHAUSTED, 1000);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://" + busy.hostPort() + "/commands/AddNumbers"))
                    .header("Content-Type", "application/json")
                    .header(ApiGatewayIdentity.USERINFO, userinfo(tenant, "user1"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"aggregateId\":\"busy\",\"number1\":1,\"number2\":2}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        } finally {
            Resources.closeAll(busy, overloaded);
        }
        assertThat(get("/aggregates/numbers/busy", as(tenant)).statusCode()).isEqualTo(404);
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem() throws Exception {
        String padding = "x".repeat(300 * 1024);
        HttpResponse<String> response = post("/commands/AddNumbers",
                "{\"number1\":1,\"number2\":2,\"padding\":\"" + padding + "\"}", as(tenant));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }
}
