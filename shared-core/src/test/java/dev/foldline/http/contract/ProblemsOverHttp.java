package dev.foldline.http.contract;

import static dev.foldline.http.contract.HttpAssertions.assertOk;
import static dev.foldline.http.contract.HttpAssertions.assertProblem;
import static dev.foldline.http.contract.HttpAssertions.newId;
import static dev.foldline.http.contract.HttpAssertions.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every error status the HTTP contract names, as {@code application/problem+json}, and that a
 * rejected command writes nothing. 401 and 403 are in {@link IdentityOverHttp}.
 */
public interface ProblemsOverHttp extends HttpFixture {

    @Test
    default void an_invalid_argument_is_a_400_naming_it_and_writes_nothing() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();

        assertProblem(session.command("AddNumbers", "{\"aggregateId\":\"" + id + "\",\"number1\":\"x\",\"number2\":1}"),
                400, "number1");
        assertProblem(session.command("AddNumbers", "{\"aggregateId\":\"" + id + "\",\"number1\":1,\"number2\":1.5}"),
                400, "number2");
        assertProblem(session.get("/aggregates/numbers/" + id), 404, "aggregateId");
    }

    @Test
    default void a_command_without_its_payload_is_a_400_naming_the_first_missing_argument() {
        assertProblem(as(Caller.inFreshTenant()).command("AddNumbers", "{}"), 400, "number1");
    }

    @Test
    default void an_expected_version_without_an_aggregate_id_is_a_400_naming_aggregateId() {
        assertProblem(as(Caller.inFreshTenant()).command("AddNumbers", numbers(null, 0L, 1, 2)), 400, "aggregateId");
    }

    @Test
    default void an_invalid_aggregate_id_or_expected_version_in_the_body_is_a_400_naming_it() {
        Session session = as(Caller.inFreshTenant());

        assertProblem(session.command("AddNumbers", "{\"aggregateId\":42,\"number1\":1,\"number2\":1}"), 400, "aggregateId");
        assertProblem(session.command("AddNumbers", "{\"aggregateId\":\"\",\"number1\":1,\"number2\":1}"), 400, "aggregateId");
        assertProblem(session.command("AddNumbers", numbers("a/b", 1, 1)), 400, "aggregateId");
        assertProblem(session.command("AddNumbers", numbers(newId(), -5L, 1, 1)), 400, "expectedVersion");
        assertProblem(session.command("AddNumbers",
                "{\"aggregateId\":\"a\",\"expectedVersion\":\"0\",\"number1\":1,\"number2\":1}"), 400, "expectedVersion");
    }

    @Test
    default void an_aggregate_id_or_type_over_256_characters_is_a_400_naming_it_on_every_route() {
        Session session = as(Caller.inFreshTenant());
        String longId = "i".repeat(257);
        String longType = "t".repeat(257);

        assertProblem(session.command("AddNumbers", numbers(longId, 1, 2)), 400, "aggregateId");
        assertProblem(session.get("/aggregates/numbers/" + longId), 400, "aggregateId");
        assertProblem(session.get("/aggregates/numbers/" + longId + "/envelopes"), 400, "aggregateId");
        assertProblem(session.get("/aggregates/" + longType + "/x"), 400, "type");
        assertProblem(session.get("/aggregates/" + longType + "/x/envelopes"), 400, "type");
    }

    @Test
    default void malformed_json_and_invalid_utf8_are_a_400() {
        Session session = as(Caller.inFreshTenant());

        assertProblem(session.command("AddNumbers", "{\"number1\": 1,"), 400, null);
        assertProblem(session.command("AddNumbers", "[1,2]"), 400, null);
        assertProblem(session.send("POST", "/commands/AddNumbers", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                "Content-Type", "application/json"), 400, null);
    }

    @Test
    default void an_unknown_command_is_a_404_naming_command() {
        assertProblem(as(Caller.inFreshTenant()).command("abc", "{}"), 404, "command");
    }

    @Test
    default void an_unknown_type_aggregate_view_or_route_is_a_404() {
        Session session = as(Caller.inFreshTenant());

        assertProblem(session.get("/aggregates/spaceships/x"), 404, "type");
        assertProblem(session.get("/aggregates/spaceships/x/envelopes"), 404, "type");
        assertProblem(session.get("/aggregates/numbers/" + newId()), 404, "aggregateId");
        assertProblem(session.get("/aggregates/numbers/" + newId() + "/envelopes"), 404, "aggregateId");
        assertProblem(session.get("/projections/nope"), 404, "projection");
        assertProblem(session.get("/nowhere"), 404, null);
        assertProblem(session.get("/aggregates/numbers/x/envelopes/more"), 404, null);
    }

    @Test
    default void a_known_route_with_the_wrong_method_is_a_405_with_an_allow_header() {
        Session session = as(Caller.inFreshTenant());

        ContractResponse getCommand = session.send("GET", "/commands/AddNumbers", new byte[0]);
        ContractResponse postRead = session.send("POST", "/aggregates/numbers/x", new byte[0]);
        ContractResponse deleteEnvelopes = session.send("DELETE", "/aggregates/numbers/x/envelopes", new byte[0]);

        assertProblem(getCommand, 405, null);
        assertThat(getCommand.header("Allow")).contains("POST");
        assertProblem(postRead, 405, null);
        assertThat(postRead.header("Allow")).contains("GET");
        assertProblem(deleteEnvelopes, 405, null);
        assertThat(deleteEnvelopes.header("Allow")).contains("GET");
    }

    @Test
    default void a_stale_expected_version_is_a_409_and_writes_nothing() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));
        session.command("AddNumbers", numbers(id, 1, 2));

        assertProblem(session.command("AddNumbers", numbers(id, 0L, 1, 2)), 409, null);

        ContractResponse after = session.get("/aggregates/numbers/" + id);
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.state().get("sum").getAsLong()).isEqualTo(6);
        assertThat(session.get("/aggregates/numbers/" + id + "/envelopes").json().getAsJsonArray("envelopes")).hasSize(2);
    }

    @Test
    default void a_body_over_the_limit_is_a_413_and_writes_nothing() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        String json = numbers(id, 1, 2);
        String oversized = json.substring(0, json.length() - 1) + ",\"pad\":\"" + "x".repeat(maxBodyBytes()) + "\"}";

        assertProblem(session.command("AddNumbers", oversized), 413, null);
        assertProblem(session.get("/aggregates/numbers/" + id), 404, "aggregateId");
    }

    @Test
    default void a_body_that_is_not_json_is_a_415() {
        Session session = as(Caller.inFreshTenant());

        assertProblem(session.send("POST", "/commands/AddNumbers", "number1=1&number2=2".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded"), 415, null);
        assertProblem(session.send("POST", "/commands/AddNumbers", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain"), 415, null);
        assertProblem(session.send("POST", "/commands/AddNumbers", "{}".getBytes(StandardCharsets.UTF_8)), 415, null);
    }

    @Test
    default void a_domain_rule_that_rejects_the_command_is_a_422_and_writes_nothing() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        assertOk(session.command("PressDigit", "{\"aggregateId\":\"" + id + "\",\"digit\":\"1\"}"));

        ContractResponse response = session.command("PressEquals", "{\"aggregateId\":\"" + id + "\"}");

        assertProblem(response, 422, null);
        assertThat(response.json().get("detail").getAsString()).contains("missing right side");
        assertThat(session.get("/aggregates/calculator/" + id).version()).isZero();
    }

    @Test
    default void a_bug_is_a_500_that_names_an_incident_and_reveals_nothing_else() {
        ContractResponse response = as(Caller.inFreshTenant()).command(ContractApplication.BREAK_SAFE,
                "{\"aggregateId\":\"" + newId() + "\"}");

        assertProblem(response, 500, null);
        assertThat(response.json().get("detail").getAsString()).contains("incident");
        assertThat(response.body()).doesNotContain(ContractApplication.BUG).doesNotContain("IllegalStateException");
    }
}
