package dev.foldline.http.contract;

import static dev.foldline.http.contract.HttpAssertions.assertOk;
import static dev.foldline.http.contract.HttpAssertions.assertProblem;
import static dev.foldline.http.contract.HttpAssertions.newId;
import static dev.foldline.http.contract.HttpAssertions.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read routes: an aggregate, its envelopes page by page, projection views, health. */
public interface ReadsOverHttp extends HttpFixture {

    @Test
    default void an_aggregate_reads_back_with_its_version_state_and_etag() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));
        session.command("AddNumbers", numbers(id, 3, 4));

        ContractResponse response = session.get("/aggregates/numbers/" + id);

        assertOk(response);
        assertThat(response.header("ETag")).contains("\"1\"");
        assertThat(response.aggregateId()).isEqualTo(id);
        assertThat(response.version()).isEqualTo(1);
        assertThat(response.state().get("sum").getAsLong()).isEqualTo(10);
    }

    @Test
    default void the_envelopes_are_the_ledger_in_version_order_with_command_actor_events_and_key() {
        Caller caller = Caller.inFreshTenant("manager");
        Session session = as(caller);
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2), "Idempotency-Key", "first-" + id);
        session.command("SubtractNumbers", numbers(id, 1, 1));

        ContractResponse response = session.get("/aggregates/numbers/" + id + "/envelopes");

        assertOk(response);
        JsonObject body = response.json();
        assertThat(body.get("aggregateId").getAsString()).isEqualTo(id);
        assertThat(body.get("version").getAsLong()).isEqualTo(1);
        assertThat(body.has("next")).isFalse();
        JsonArray envelopes = body.getAsJsonArray("envelopes");
        assertThat(envelopes).hasSize(2);
        JsonObject first = envelopes.get(0).getAsJsonObject();
        assertThat(first.get("version").getAsLong()).isZero();
        assertThat(first.get("tenant").getAsString()).isEqualTo(caller.tenant());
        assertThat(first.get("aggregateType").getAsString()).isEqualTo("numbers");
        assertThat(first.get("aggregateId").getAsString()).isEqualTo(id);
        assertThat(first.get("command").getAsString()).isEqualTo("AddNumbers");
        assertThat(first.get("idempotencyKey").getAsString()).isEqualTo("first-" + id);
        assertThat(first.getAsJsonObject("actor").get("id").getAsString()).isEqualTo(caller.actorId());
        assertThat(first.getAsJsonObject("actor").get("tenant").getAsString()).isEqualTo(caller.tenant());
        assertThat(first.getAsJsonObject("actor").getAsJsonArray("roles").toString()).isEqualTo("[\"manager\"]");
        assertThat(first.get("committedAt").getAsString()).isNotBlank();
        JsonObject event = first.getAsJsonArray("events").get(0).getAsJsonObject();
        assertThat(event.get("name").getAsString()).isEqualTo("NumbersAdded");
        assertThat(event.getAsJsonObject("payload").get("number1").getAsInt()).isEqualTo(1);
        JsonObject second = envelopes.get(1).getAsJsonObject();
        assertThat(second.get("version").getAsLong()).isEqualTo(1);
        assertThat(second.get("command").getAsString()).isEqualTo("SubtractNumbers");
        assertThat(second.has("idempotencyKey")).isFalse();
    }

    @Test
    default void envelopes_come_in_pages_of_the_limit_each_naming_the_next_until_the_last() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        for (int i = 0; i < 5; i++) {
            assertOk(session.command("AddNumbers", numbers(id, i, 0)));
        }

        List<Long> versions = new ArrayList<>();
        List<String> nexts = new ArrayList<>();
        String target = "/aggregates/numbers/" + id + "/envelopes?limit=2";
        while (target != null) {
            ContractResponse page = session.get(target);
            assertOk(page);
            JsonObject body = page.json();
            assertThat(body.getAsJsonArray("envelopes").size()).isBetween(1, 2);
            for (JsonElement envelope : body.getAsJsonArray("envelopes")) {
                versions.add(envelope.getAsJsonObject().get("version").getAsLong());
            }
            target = body.has("next") ? body.get("next").getAsString() : null;
            nexts.add(target);
        }

        assertThat(versions).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(nexts).containsExactly(
                "/aggregates/numbers/" + id + "/envelopes?after=1&limit=2",
                "/aggregates/numbers/" + id + "/envelopes?after=3&limit=2",
                null);
    }

    @Test
    default void a_page_that_ends_at_the_last_envelope_names_no_next() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));
        session.command("AddNumbers", numbers(id, 1, 2));

        ContractResponse exact = session.get("/aggregates/numbers/" + id + "/envelopes?limit=2");
        ContractResponse largest = session.get("/aggregates/numbers/" + id + "/envelopes?limit=1000");

        assertOk(exact);
        assertThat(exact.json().getAsJsonArray("envelopes")).hasSize(2);
        assertThat(exact.json().has("next")).isFalse();
        assertOk(largest);
        assertThat(largest.json().getAsJsonArray("envelopes")).hasSize(2);
    }

    @Test
    default void a_page_after_the_last_version_of_an_existing_aggregate_is_empty() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));

        ContractResponse response = session.get("/aggregates/numbers/" + id + "/envelopes?after=0");

        assertOk(response);
        assertThat(response.json().getAsJsonArray("envelopes")).isEmpty();
        assertThat(response.json().has("next")).isFalse();
        assertProblem(session.get("/aggregates/numbers/" + newId() + "/envelopes?after=0"), 404, "aggregateId");
    }

    @Test
    default void an_invalid_limit_or_after_is_a_400_naming_it() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));
        String envelopes = "/aggregates/numbers/" + id + "/envelopes?";

        for (String limit : List.of("0", "-1", "1001", "two", "1.5", "", "99999999999999999999")) {
            assertProblem(session.get(envelopes + "limit=" + limit), 400, "limit");
        }
        assertProblem(session.get(envelopes + "limit=1&limit=2"), 400, "limit");
        for (String after : List.of("-2", "x", "0.5", "")) {
            assertProblem(session.get(envelopes + "after=" + after), 400, "after");
        }
    }

    @Test
    default void the_next_page_keeps_an_id_that_needs_percent_encoding() {
        Session session = as(Caller.inFreshTenant());
        String id = "a b+é-" + newId();
        String encoded = "a%20b+%C3%A9-" + id.substring(6);
        session.command("AddNumbers", numbers(id, 1, 2));
        session.command("AddNumbers", numbers(id, 1, 2));

        ContractResponse first = session.get("/aggregates/numbers/" + encoded + "/envelopes?limit=1");
        assertOk(first);
        assertThat(first.json().get("aggregateId").getAsString()).isEqualTo(id);
        ContractResponse second = session.get(first.json().get("next").getAsString());

        assertOk(second);
        assertThat(second.json().getAsJsonArray("envelopes").get(0).getAsJsonObject().get("version").getAsLong())
                .isEqualTo(1);
    }

    @Test
    default void the_counter_projection_counts_the_callers_tenant_only() {
        Caller caller = Caller.inFreshTenant();
        Session mine = as(caller);
        Session theirs = as(Caller.inFreshTenant());
        String id = newId();
        mine.command("AddNumbers", numbers(id, 1, 2));
        mine.command("AddNumbers", numbers(id, 1, 2));
        theirs.command("AddNumbers", numbers(newId(), 1, 2));
        deliverProjections();

        ContractResponse counted = mine.get("/projections/counter");

        assertOk(counted);
        JsonObject events = counted.json().getAsJsonObject("events");
        assertThat(events.keySet()).containsExactly(id);
        assertThat(events.get(id).getAsInt()).isEqualTo(2);
    }

    @Test
    default void health_answers_200_without_identity() {
        ContractResponse response = anonymous().get("/health");

        assertOk(response);
        assertThat(response.json().get("status").getAsString()).isEqualTo("ok");
    }
}
