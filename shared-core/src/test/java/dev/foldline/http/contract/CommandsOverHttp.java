package dev.foldline.http.contract;

import static dev.foldline.http.contract.HttpAssertions.assertOk;
import static dev.foldline.http.contract.HttpAssertions.newId;
import static dev.foldline.http.contract.HttpAssertions.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code POST /commands/{command}}: what a command answers and which bodies it accepts. */
public interface CommandsOverHttp extends HttpFixture {

    @Test
    default void a_command_answers_200_with_id_version_state_events_and_an_etag() {
        String id = newId();
        ContractResponse response = as(Caller.inFreshTenant()).command("AddNumbers", numbers(id, 1, 2));

        assertOk(response);
        assertThat(response.header("ETag")).contains("\"0\"");
        JsonObject body = response.json();
        assertThat(body.get("aggregateId").getAsString()).isEqualTo(id);
        assertThat(body.get("version").getAsLong()).isZero();
        assertThat(body.getAsJsonObject("state").get("sum").getAsLong()).isEqualTo(3);
        assertThat(body.getAsJsonArray("events")).hasSize(1);
        JsonObject event = body.getAsJsonArray("events").get(0).getAsJsonObject();
        assertThat(event.get("name").getAsString()).isEqualTo("NumbersAdded");
        assertThat(event.getAsJsonObject("payload").get("number1").getAsInt()).isEqualTo(1);
        assertThat(event.getAsJsonObject("payload").get("number2").getAsInt()).isEqualTo(2);
    }

    @Test
    default void each_command_on_an_aggregate_answers_the_next_version_in_its_etag() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));

        ContractResponse second = session.command("SubtractNumbers", numbers(id, 1, 1));

        assertOk(second);
        assertThat(second.header("ETag")).contains("\"1\"");
        assertThat(second.version()).isEqualTo(1);
        assertThat(second.state().get("sum").getAsLong()).isEqualTo(1);
    }

    @Test
    default void a_command_without_an_aggregate_id_creates_one_with_a_generated_id() {
        Session session = as(Caller.inFreshTenant());
        ContractResponse first = session.command("AddNumbers", numbers(null, 1, 2));
        ContractResponse second = session.command("AddNumbers", numbers(null, 1, 2));

        assertOk(first);
        assertThat(first.aggregateId()).hasSizeGreaterThanOrEqualTo(10).isNotEqualTo(second.aggregateId());
        assertOk(session.get("/aggregates/numbers/" + first.aggregateId()));
    }

    @Test
    default void an_empty_body_counts_as_an_empty_object_and_needs_no_content_type() {
        ContractResponse response = as(Caller.inFreshTenant()).send("POST", "/commands/PressDot", new byte[0]);

        assertOk(response);
        assertThat(response.version()).isZero();
    }

    @Test
    default void json_media_types_with_parameters_or_a_json_suffix_are_accepted() {
        Session session = as(Caller.inFreshTenant());
        byte[] body = numbers(newId(), 1, 2).getBytes(StandardCharsets.UTF_8);

        assertOk(session.send("POST", "/commands/AddNumbers", body, "Content-Type", "application/json; charset=utf-8"));
        assertOk(session.send("POST", "/commands/AddNumbers", body, "Content-Type", "application/vnd.foldline+json"));
    }

    @Test
    default void a_body_exactly_at_the_limit_is_accepted() {
        String json = numbers(newId(), 1, 2);
        String prefix = json.substring(0, json.length() - 1) + ",\"pad\":\"";
        String padded = prefix + "x".repeat(maxBodyBytes() - prefix.length() - 2) + "\"}";
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(maxBodyBytes());

        assertOk(as(Caller.inFreshTenant()).command("AddNumbers", padded));
    }

    @Test
    default void an_aggregate_id_of_256_characters_is_accepted_and_reads_back() {
        Session session = as(Caller.inFreshTenant());
        String id = "i".repeat(256);

        assertOk(session.command("AddNumbers", numbers(id, 1, 2)));
        assertOk(session.get("/aggregates/numbers/" + id));
        assertOk(session.get("/aggregates/numbers/" + id + "/envelopes"));
    }
}
