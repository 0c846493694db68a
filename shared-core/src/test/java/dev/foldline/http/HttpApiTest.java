package dev.foldline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.ProjectionView;
import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Examples;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.DevHeaderIdentity;
import dev.foldline.http.identity.VerifiedClaimsIdentity;
import dev.foldline.json.Json;
import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.MemoryEventStore;
import dev.foldline.store.contract.Envelopes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract as adapters see it: plain requests in, plain responses out, no server involved. */
class HttpApiTest {

    private static final Map<String, String> IDENTITY = Map.of("x-tenant", "tenant1", "X-ACTOR-ID", "user1");
    private static final Map<String, String> JSON = Map.of("X-Tenant", "tenant1", "X-Actor-Id", "user1",
            "Content-Type", "application/json");

    private final MemoryEventStore store = new MemoryEventStore();
    private final CommandHandler commands = new CommandHandler(store, Examples.registry());
    private final List<Envelope> committed = new ArrayList<>();
    private final HttpApi api = HttpApi.builder(commands, store, new DevHeaderIdentity())
            .options(new HttpOptions(1024))
            .onCommit(committed::add)
            .views(List.of(new ProjectionView("echo", tenant -> Map.of("tenant", tenant))))
            .build();

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    @Test
    void a_command_reaches_the_commit_listener_and_answers_with_an_etag() {
        HttpResponse response = api.handle(HttpRequest.post("/commands/AddNumbers", JSON,
                "{\"aggregateId\":\"a\",\"number1\":1,\"number2\":2}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("ETag", "\"0\"").containsEntry("Content-Type", "application/json");
        assertThat(committed).hasSize(1);
        assertThat(committed.get(0).stream().aggregateId()).isEqualTo("a");
    }

    @Test
    void a_retry_with_its_idempotency_key_is_answered_from_the_first_request_and_not_committed_again() {
        Map<String, String> keyed = with(JSON, "Idempotency-Key", "req-1");
        String body = "{\"number1\":1,\"number2\":2}";
        HttpResponse first = api.handle(HttpRequest.post("/commands/AddNumbers", keyed, body));

        HttpResponse retry = api.handle(HttpRequest.post("/commands/AddNumbers", keyed, body));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.headers()).containsEntry("Idempotent-Replayed", "true").containsEntry("ETag", "\"0\"");
        assertThat(first.headers()).doesNotContainKey("Idempotent-Replayed");
        assertThat(Json.parseObject(retry.body())).isEqualTo(Json.parseObject(first.body()));
        assertThat(committed).hasSize(1);
    }

    @Test
    void an_idempotency_key_reused_for_another_payload_is_a_422_naming_the_key() {
        Map<String, String> keyed = with(JSON, "Idempotency-Key", "req-2");
        api.handle(HttpRequest.post("/commands/AddNumbers", keyed, "{\"aggregateId\":\"k\",\"number1\":1,\"number2\":2}"));

        HttpResponse reused = api.handle(HttpRequest.post("/commands/AddNumbers", keyed,
                "{\"aggregateId\":\"k\",\"number1\":1,\"number2\":3}"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(Json.parseObject(reused.body()).get("argument").getAsString()).isEqualTo("Idempotency-Key");
        assertThat(reused.body()).contains("req-2");
        assertThat(committed).hasSize(1);
    }

    @Test
    void a_body_nested_too_deeply_or_holding_too_many_members_is_a_400_before_any_command_runs() {
        String deep = "{\"aggregateId\":\"deep\",\"number1\":1,\"number2\":2,\"x\":"
                + "[".repeat(HttpOptions.DEFAULT_MAX_JSON_DEPTH) + "]".repeat(HttpOptions.DEFAULT_MAX_JSON_DEPTH) + "}";
        String justDeepEnough = "{\"aggregateId\":\"deep\",\"number1\":1,\"number2\":2,\"x\":"
                + "[".repeat(HttpOptions.DEFAULT_MAX_JSON_DEPTH - 1) + "]".repeat(HttpOptions.DEFAULT_MAX_JSON_DEPTH - 1) + "}";
        HttpApi roomy = HttpApi.builder(commands, store, new DevHeaderIdentity()).onCommit(committed::add).build();
        StringBuilder wide = new StringBuilder("{\"aggregateId\":\"wide\",\"number1\":1,\"number2\":2,\"x\":[0");
        wide.append(",0".repeat(HttpOptions.DEFAULT_MAX_JSON_MEMBERS)).append("]}");

        HttpResponse tooDeep = roomy.handle(HttpRequest.post("/commands/AddNumbers", JSON, deep));
        HttpResponse tooWide = roomy.handle(HttpRequest.post("/commands/AddNumbers", JSON, wide.toString()));

        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.body()).contains("deeper than " + HttpOptions.DEFAULT_MAX_JSON_DEPTH);
        assertThat(tooWide.status()).isEqualTo(400);
        assertThat(tooWide.body()).contains("more than " + HttpOptions.DEFAULT_MAX_JSON_MEMBERS);
        assertThat(committed).isEmpty();
        assertThat(roomy.handle(HttpRequest.post("/commands/AddNumbers", JSON, justDeepEnough)).status()).isEqualTo(200);
    }

    @Test
    void a_failing_commit_listener_does_not_change_an_acknowledged_commit() {
        HttpApi failing = HttpApi.builder(commands, store, new DevHeaderIdentity())
                .onCommit(envelope -> {
                    throw new IllegalStateException("projection down");
                })
                .build();

        HttpResponse response = failing.handle(HttpRequest.post("/commands/AddNumbers", JSON,
                "{\"aggregateId\":\"b\",\"number1\":1,\"number2\":2}"));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void header_names_match_in_any_case() {
        assertThat(api.handle(HttpRequest.get("/projections/echo", IDENTITY)).body()).isEqualTo("{\"tenant\":\"tenant1\"}");
    }

    @Test
    void json_media_types_with_parameters_or_a_suffix_are_json() {
        for (String type : List.of("application/json; charset=utf-8", "APPLICATION/JSON", "application/vnd.api+json")) {
            HttpResponse response = api.handle(HttpRequest.post("/commands/AddNumbers", with(JSON, "Content-Type", type),
                    "{\"number1\":1,\"number2\":2}"));
            assertThat(response.status()).as(type).isEqualTo(200);
        }
    }

    @Test
    void a_body_over_the_configured_limit_is_413_even_when_cut_off_by_the_adapter() {
        byte[] cutOff = new byte[1025];
        HttpResponse response = api.handle(new HttpRequest("POST", "/commands/AddNumbers", JSON, cutOff));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).isEqualTo(HttpResponse.PROBLEM_JSON);
    }

    @Test
    void invalid_utf8_is_a_400() {
        byte[] body = "{\"number1\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(api.handle(new HttpRequest("POST", "/commands/AddNumbers", JSON, body)).status()).isEqualTo(400);
    }

    @Test
    void a_wrong_method_is_405_with_the_allowed_one() {
        HttpResponse response = api.handle(HttpRequest.get("/commands/AddNumbers", IDENTITY));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "POST");
    }

    @Test
    void path_segments_are_percent_decoded_after_splitting() {
        api.handle(HttpRequest.post("/commands/AddNumbers", JSON, "{\"aggregateId\":\"a b+c\",\"number1\":1,\"number2\":2}"));

        assertThat(api.handle(HttpRequest.get("/aggregates/numbers/a%20b+c", IDENTITY)).status()).isEqualTo(200);
        assertThat(api.handle(HttpRequest.get("/aggregates/numbers/a%2", IDENTITY)).status()).isEqualTo(400);
    }

    @Test
    void an_invalid_idempotency_key_is_a_400_naming_it() {
        HttpResponse response = api.handle(HttpRequest.post("/commands/AddNumbers",
                with(JSON, "Idempotency-Key", "x".repeat(256)), "{\"number1\":1,\"number2\":2}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(Json.parseObject(response.body()).get("argument").getAsString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void verified_identity_takes_the_tenant_from_the_claims_never_from_headers_or_body() {
        HttpApi verified = HttpApi.builder(commands, store, new VerifiedClaimsIdentity(ClaimsMapper.defaults())).build();
        Map<String, String> headers = Map.of("X-Tenant", "intruder", "X-Actor-Id", "user9", "Content-Type", "application/json");
        HttpRequest command = HttpRequest.post("/commands/AddNumbers", headers,
                "{\"aggregateId\":\"j\",\"tenant\":\"intruder\",\"number1\":1,\"number2\":2}");

        HttpResponse response = verified.handle(command.withVerifiedClaims(Map.of("tenant", "tenant1", "sub", "user1")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(store.read(new StreamId("tenant1", "numbers", "j"), 0, 10)).hasSize(1);
        assertThat(store.read(new StreamId("intruder", "numbers", "j"), 0, 10)).isEmpty();
        assertThat(verified.handle(command).status()).isEqualTo(401);
        assertThat(verified.handle(command.withVerifiedClaims(Map.of("tenant", List.of("tenant1"), "sub", "user1"))).status())
                .isEqualTo(401);
    }

    @Test
    void dividing_by_zero_is_a_422_and_writes_nothing() {
        for (String[] key : new String[][] {{"PressDigit", "\"digit\":\"1\""}, {"PressOperator", "\"operator\":\"/\""},
                {"PressDigit", "\"digit\":\"0\""}}) {
            api.handle(HttpRequest.post("/commands/" + key[0], JSON, "{\"aggregateId\":\"zero\"," + key[1] + "}"));
        }

        HttpResponse response = api.handle(HttpRequest.post("/commands/PressEquals", JSON, "{\"aggregateId\":\"zero\"}"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(Json.parseObject(response.body()).get("detail").getAsString()).isEqualTo("cannot divide by zero");
        assertThat(committed).hasSize(3);
    }

    @Test
    void a_state_holding_infinity_still_answers_valid_json() {
        AggregateType<Double> overflow = AggregateType.named("overflow", Double.class, () -> 1.0)
                .command("Overflow", context -> context.push("Overflowed"))
                .event("Overflowed", (state, event) -> Double.POSITIVE_INFINITY)
                .build();
        HttpApi infinite = HttpApi.builder(new CommandHandler(store, AggregateRegistry.of(overflow)), store,
                new DevHeaderIdentity()).build();

        HttpResponse response = infinite.handle(HttpRequest.post("/commands/Overflow", JSON, "{}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Json.parseObject(response.body()).get("state").getAsString()).isEqualTo("Infinity");
    }

    @Test
    void the_envelopes_route_pages_by_1000_when_no_limit_is_given() {
        StreamId stream = new StreamId("tenant1", "numbers", "long");
        for (long version = 0; version <= HttpApi.MAX_ENVELOPES_PER_PAGE; version++) {
            store.append(Envelopes.envelope(stream, version), null);
        }

        JsonObject first = Json.parseObject(api.handle(HttpRequest.get("/aggregates/numbers/long/envelopes", IDENTITY)).body());
        JsonObject last = Json.parseObject(api.handle(HttpRequest.get(first.get("next").getAsString(), IDENTITY)).body());

        assertThat(first.getAsJsonArray("envelopes")).hasSize(1_000);
        assertThat(first.get("version").getAsLong()).isEqualTo(999);
        assertThat(first.get("next").getAsString()).isEqualTo("/aggregates/numbers/long/envelopes?after=999&limit=1000");
        assertThat(last.getAsJsonArray("envelopes")).hasSize(1);
        assertThat(last.get("version").getAsLong()).isEqualTo(1_000);
        assertThat(last.has("next")).isFalse();
    }

    @Test
    void query_parameters_are_percent_decoded_and_an_invalid_encoding_is_a_400() {
        api.handle(HttpRequest.post("/commands/AddNumbers", JSON, "{\"aggregateId\":\"q\",\"number1\":1,\"number2\":2}"));
        api.handle(HttpRequest.post("/commands/AddNumbers", JSON, "{\"aggregateId\":\"q\",\"number1\":1,\"number2\":2}"));

        HttpResponse encoded = api.handle(HttpRequest.get("/aggregates/numbers/q/envelopes?lim%69t=%31&other", IDENTITY));

        assertThat(encoded.status()).isEqualTo(200);
        assertThat(Json.parseObject(encoded.body()).getAsJsonArray("envelopes")).hasSize(1);
        assertThat(api.handle(HttpRequest.get("/aggregates/numbers/q/envelopes?limit=%zz", IDENTITY)).status()).isEqualTo(400);
    }
}
