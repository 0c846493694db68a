package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.foldline.http.HttpOptions;
import dev.foldline.http.identity.DevHeaderIdentity;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every status of the HTTP contract, over real HTTP against a running runtime. */
class HttpContractTest {

    private static final int BODY_LIMIT = 4 * 1024;

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.with(
            dir -> RuntimeFixture.config(dir, new DevHeaderIdentity(), new HttpOptions(BODY_LIMIT)));

    private static String newId() {
        return "agg-" + UUID.randomUUID();
    }

    private static String add(String id, int a, int b) {
        return "{\"aggregateId\":\"" + id + "\",\"number1\":" + a + ",\"number2\":" + b + "}";
    }

    private static void assertProblem(ApiClient.Reply reply, int status, String argument) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.get("status").getAsInt()).isEqualTo(status);
        assertThat(problem.get("type").getAsString()).startsWith("urn:foldline:problem:");
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("detail")).isTrue();
        if (argument != null) {
            assertThat(problem.get("argument").getAsString()).isEqualTo(argument);
        }
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_command_answers_200_with_id_version_state_events_and_an_etag() {
        String id = newId();
        ApiClient.Reply reply = server.api().command("AddNumbers", add(id, 1, 2));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(reply.etag()).isEqualTo("\"0\"");
        JsonObject body = reply.json();
        assertThat(body.get("aggregateId").getAsString()).isEqualTo(id);
        assertThat(body.get("version").getAsLong()).isZero();
        assertThat(body.getAsJsonObject("state").get("sum").getAsLong()).isEqualTo(3);
        JsonObject event = body.getAsJsonArray("events").get(0).getAsJsonObject();
        assertThat(event.get("name").getAsString()).isEqualTo("NumbersAdded");
        assertThat(event.getAsJsonObject("payload").get("number1").getAsInt()).isEqualTo(1);
    }

    @Test
    void an_aggregate_reads_back_with_its_version_state_and_etag() {
        String id = newId();
        server.api().command("AddNumbers", add(id, 1, 2));
        server.api().command("AddNumbers", add(id, 3, 4));

        ApiClient.Reply reply = server.api().get("/aggregates/numbers/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.etag()).isEqualTo("\"1\"");
        assertThat(reply.version()).isEqualTo(1);
        assertThat(reply.state().get("sum").getAsLong()).isEqualTo(10);
    }

    @Test
    void the_envelopes_route_returns_the_ledger_in_order_with_the_idempotency_key() {
        String id = newId();
        server.api().command("AddNumbers", add(id, 1, 2), "Idempotency-Key", "first-" + id);
        server.api().command("SubtractNumbers", add(id, 1, 1));

        ApiClient.Reply reply = server.api().get("/aggregates/numbers/" + id + "/envelopes");

        assertThat(reply.status()).isEqualTo(200);
        var envelopes = reply.json().getAsJsonArray("envelopes");
        assertThat(envelopes).hasSize(2);
        JsonObject first = envelopes.get(0).getAsJsonObject();
        assertThat(first.get("version").getAsLong()).isZero();
        assertThat(first.get("command").getAsString()).isEqualTo("AddNumbers");
        assertThat(first.get("idempotencyKey").getAsString()).isEqualTo("first-" + id);
        assertThat(first.getAsJsonObject("actor").get("id").getAsString()).isEqualTo("user1");
        assertThat(envelopes.get(1).getAsJsonObject().get("command").getAsString()).isEqualTo("SubtractNumbers");
    }

    @Test
    void health_answers_200_without_identity() {
        assertThat(server.api().withHeaders().get("/health").status()).isEqualTo(200);
    }

    @Test
    void the_counter_projection_counts_the_callers_tenant_only() {
        String id = newId();
        server.api().command("AddNumbers", add(id, 1, 2));
        server.api().command("AddNumbers", add(id, 1, 2));

        JsonObject mine = server.api().get("/projections/counter").json().getAsJsonObject("events");
        JsonObject theirs = server.api().as("tenant2", "user9", "").get("/projections/counter").json().getAsJsonObject("events");

        assertThat(mine.get(id).getAsInt()).isEqualTo(2);
        assertThat(theirs.has(id)).isFalse();
    }

    @Test
    void rejects_an_invalid_argument_with_400_naming_it() {
        assertProblem(server.api().command("AddNumbers", "{\"aggregateId\":\"" + newId() + "\",\"number1\":\"x\",\"number2\":1}"),
                400, "number1");
    }

    @Test
    void rejects_a_missing_payload_with_400_naming_number1() {
        assertProblem(server.api().command("AddNumbers", "{}"), 400, "number1");
    }

    @Test
    void rejects_an_expected_version_without_an_aggregate_id_with_400_naming_aggregateId() {
        assertProblem(server.api().command("AddNumbers", "{\"expectedVersion\":0,\"number1\":1,\"number2\":2}"), 400, "aggregateId");
    }

    @Test
    void rejects_malformed_json_with_400() {
        assertProblem(server.api().command("AddNumbers", "{\"number1\": 1,"), 400, null);
    }

    @Test
    void rejects_a_request_without_tenant_or_actor_with_401() {
        assertProblem(server.api().withHeaders("X-Actor-Id", "user1").command("AddNumbers", add(newId(), 1, 2)), 401, null);
        assertProblem(server.api().withHeaders("X-Tenant", "tenant1").command("AddNumbers", add(newId(), 1, 2)), 401, null);
        assertProblem(server.api().withHeaders().get("/aggregates/numbers/x"), 401, null);
    }

    @Test
    void rejects_an_actor_without_the_commands_role_with_403() {
        String id = newId();
        assertProblem(server.api().as("tenant1", "user1", "manager").command("OpenVault", "{\"aggregateId\":\"" + id + "\"}"),
                403, null);
        assertThat(server.api().as("tenant1", "user1", "admin,manager").command("OpenVault", "{\"aggregateId\":\"" + id + "\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void rejects_an_unknown_command_with_404_naming_command() {
        assertProblem(server.api().command("abc", "{}"), 404, "command");
    }

    @Test
    void rejects_an_unknown_aggregate_and_an_unknown_type_with_404() {
        assertProblem(server.api().get("/aggregates/numbers/" + newId()), 404, null);
        assertProblem(server.api().get("/aggregates/numbers/" + newId() + "/envelopes"), 404, null);
        assertProblem(server.api().get("/aggregates/spaceships/x"), 404, null);
        assertProblem(server.api().get("/nowhere"), 404, null);
    }

    @Test
    void another_tenants_aggregate_is_404_and_untouched() {
        String id = newId();
        server.api().command("AddNumbers", add(id, 1, 2));
        ApiClient other = server.api().as("tenant2", "user2", "manager");

        assertProblem(other.get("/aggregates/numbers/" + id), 404, null);
        assertProblem(other.get("/aggregates/numbers/" + id + "/envelopes"), 404, null);
        // The same id in another tenant is another aggregate: it starts from scratch.
        assertThat(other.command("AddNumbers", add(id, 5, 5)).version()).isZero();
        assertThat(server.api().get("/aggregates/numbers/" + id).state().get("sum").getAsLong()).isEqualTo(3);
    }

    @Test
    void rejects_a_wrong_method_with_405_and_an_allow_header() {
        ApiClient.Reply reply = server.api().send("GET", "/commands/AddNumbers", BodyPublishers.noBody());
        assertProblem(reply, 405, null);
    }

    @Test
    void rejects_a_stale_expected_version_with_409_and_writes_nothing() {
        String id = newId();
        server.api().command("AddNumbers", add(id, 1, 2));
        server.api().command("AddNumbers", add(id, 1, 2));

        assertProblem(server.api().command("AddNumbers",
                "{\"aggregateId\":\"" + id + "\",\"expectedVersion\":0,\"number1\":1,\"number2\":2}"), 409, null);

        ApiClient.Reply after = server.api().get("/aggregates/numbers/" + id);
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.state().get("sum").getAsLong()).isEqualTo(6);
        assertThat(server.api().get("/aggregates/numbers/" + id + "/envelopes").json().getAsJsonArray("envelopes")).hasSize(2);
    }

    @Test
    void rejects_a_body_over_the_limit_with_413() {
        String padding = "x".repeat(BODY_LIMIT);
        assertProblem(server.api().command("AddNumbers", "{\"pad\":\"" + padding + "\",\"number1\":1,\"number2\":2}"), 413, null);
    }

    @Test
    void accepts_a_body_just_under_the_limit() {
        String json = add(newId(), 1, 2);
        String padded = json.substring(0, json.length() - 1) + ",\"pad\":\"" + "x".repeat(BODY_LIMIT - json.length() - 10) + "\"}";
        assertThat(padded.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(BODY_LIMIT);
        assertThat(server.api().command("AddNumbers", padded).status()).isEqualTo(200);
    }

    @Test
    void rejects_a_body_that_is_not_json_with_415() {
        assertProblem(server.api().send("POST", "/commands/AddNumbers", BodyPublishers.ofString("number1=1&number2=2"),
                "Content-Type", "application/x-www-form-urlencoded"), 415, null);
        assertProblem(server.api().send("POST", "/commands/AddNumbers", BodyPublishers.ofString("{}"),
                "Content-Type", "text/plain"), 415, null);
    }

    @Test
    void rejects_a_domain_rule_violation_with_422() {
        String id = newId();
        assertProblem(server.api().command("PressEquals", "{\"aggregateId\":\"" + id + "\"}"), 422, null);
    }

    @Test
    void answers_a_bug_with_500_and_no_stack_trace() {
        ApiClient.Reply reply = server.api().command("BreakVault", "{\"aggregateId\":\"" + newId() + "\"}");

        assertProblem(reply, 500, null);
        assertThat(reply.body()).doesNotContain("internal detail").doesNotContain("IllegalStateException");
    }

    @Test
    void a_command_without_events_needs_no_body() {
        ApiClient.Reply reply = server.api().send("POST", "/commands/PressDot", BodyPublishers.noBody());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.version()).isZero();
    }
}
