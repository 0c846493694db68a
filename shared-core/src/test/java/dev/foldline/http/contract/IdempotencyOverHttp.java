package dev.foldline.http.contract;

import static dev.foldline.http.contract.HttpAssertions.assertOk;
import static dev.foldline.http.contract.HttpAssertions.assertProblem;
import static dev.foldline.http.contract.HttpAssertions.newId;
import static dev.foldline.http.contract.HttpAssertions.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.store.contract.Concurrently;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The {@code Idempotency-Key} header: a command retried with its key is answered with the original
 * result (status, aggregate id, version) and writes nothing; the key with another request is a 422
 * naming it. A key identifies one command on one aggregate of one tenant.
 */
public interface IdempotencyOverHttp extends HttpFixture {

    String KEY = "Idempotency-Key";
    String REPLAYED = "Idempotent-Replayed";

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private int envelopeCount(Session session, String type, String id) {
        return session.get("/aggregates/" + type + "/" + id + "/envelopes").json().getAsJsonArray("envelopes").size();
    }

    @Test
    default void a_retry_with_the_same_key_and_body_gets_the_original_result_and_writes_nothing() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        String key = newKey();

        ContractResponse first = session.command("AddNumbers", numbers(id, 1, 2), KEY, key);
        ContractResponse retry = session.command("AddNumbers", numbers(id, 1, 2), KEY, key);

        assertOk(first);
        assertThat(first.header(REPLAYED)).isEmpty();
        assertOk(retry);
        assertThat(retry.header(REPLAYED)).contains("true");
        assertThat(retry.aggregateId()).isEqualTo(id);
        assertThat(retry.version()).isZero();
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.state()).isEqualTo(first.state());
        assertThat(retry.json().getAsJsonArray("events")).isEqualTo(first.json().getAsJsonArray("events"));
        assertThat(envelopeCount(session, "numbers", id)).isEqualTo(1);
        assertThat(session.get("/aggregates/numbers/" + id).state().get("sum").getAsLong()).isEqualTo(3);
    }

    @Test
    default void a_retried_create_without_an_id_lands_on_the_same_generated_id() {
        Session session = as(Caller.inFreshTenant());
        String key = newKey();

        ContractResponse first = session.command("AddNumbers", numbers(null, 1, 2), KEY, key);
        ContractResponse retry = session.command("AddNumbers", numbers(null, 1, 2), KEY, key);

        assertOk(first);
        assertOk(retry);
        assertThat(retry.aggregateId()).isEqualTo(first.aggregateId());
        assertThat(retry.version()).isZero();
        assertThat(envelopeCount(session, "numbers", first.aggregateId())).isEqualTo(1);
    }

    @Test
    default void a_retry_after_later_commands_gets_the_version_its_command_committed() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        String key = newKey();
        session.command("AddNumbers", numbers(id, 1, 2), KEY, key);
        session.command("AddNumbers", numbers(id, 5, 5));

        ContractResponse retry = session.command("AddNumbers", numbers(id, 1, 2), KEY, key);

        assertOk(retry);
        assertThat(retry.header(REPLAYED)).contains("true");
        assertThat(retry.version()).isZero();
        assertThat(retry.json().has("state")).as("no state is at version 0 any more").isFalse();
        assertThat(session.get("/aggregates/numbers/" + id).version()).isEqualTo(1);
        assertThat(envelopeCount(session, "numbers", id)).isEqualTo(2);
    }

    @Test
    default void the_same_key_with_another_payload_or_command_is_a_422_naming_the_key_and_writes_nothing() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        String key = newKey();
        assertOk(session.command("AddNumbers", numbers(id, 1, 2), KEY, key));

        assertProblem(session.command("AddNumbers", numbers(id, 1, 3), KEY, key), 422, KEY);
        assertProblem(session.command("SubtractNumbers", numbers(id, 1, 2), KEY, key), 422, KEY);

        assertThat(envelopeCount(session, "numbers", id)).isEqualTo(1);
        assertThat(session.get("/aggregates/numbers/" + id).state().get("sum").getAsLong()).isEqualTo(3);
    }

    @Test
    default void the_same_key_in_another_tenant_is_another_request() {
        String key = newKey();
        ContractResponse mine = as(Caller.inFreshTenant()).command("AddNumbers", numbers(null, 1, 2), KEY, key);
        Session other = as(Caller.inFreshTenant());

        ContractResponse theirs = other.command("AddNumbers", numbers(null, 1, 2), KEY, key);

        assertOk(theirs);
        assertThat(theirs.header(REPLAYED)).isEmpty();
        assertThat(theirs.version()).isZero();
        assertThat(envelopeCount(other, "numbers", theirs.aggregateId())).isEqualTo(1);
        assertThat(mine.version()).isZero();
    }

    @Test
    default void a_replayed_command_reaches_the_projections_once() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        String key = newKey();
        for (int i = 0; i < 3; i++) {
            assertOk(session.command("AddNumbers", numbers(id, 1, 2), KEY, key));
        }
        deliverProjections();

        assertThat(session.get("/projections/counter").json().getAsJsonObject("events").get(id).getAsInt()).isEqualTo(1);
    }

    @Test
    default void requests_racing_with_one_key_write_one_envelope_and_each_gets_its_result_or_a_409() throws Exception {
        Session session = as(Caller.inFreshTenant());
        String key = newKey();
        List<ContractResponse> responses = new CopyOnWriteArrayList<>();

        Concurrently.run(8, index -> responses.add(session.command("AddNumbers", numbers(null, 1, 2), KEY, key)));

        List<ContractResponse> answered = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(answered).isNotEmpty();
        String id = answered.get(0).aggregateId();
        assertThat(answered).allSatisfy(r -> {
            assertThat(r.aggregateId()).isEqualTo(id);
            assertThat(r.version()).isZero();
        });
        responses.stream().filter(r -> r.status() != 200).forEach(r -> assertProblem(r, 409, null));
        ContractResponse retry = session.command("AddNumbers", numbers(null, 1, 2), KEY, key);
        assertOk(retry);
        assertThat(retry.aggregateId()).isEqualTo(id);
        assertThat(retry.version()).isZero();
        assertThat(envelopeCount(session, "numbers", id)).isEqualTo(1);
    }

    @Test
    default void an_idempotency_key_that_is_empty_too_long_or_not_visible_ascii_is_a_400_naming_it() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();

        assertProblem(session.command("AddNumbers", numbers(id, 1, 2), KEY, "k".repeat(256)), 400, KEY);
        assertProblem(session.command("AddNumbers", numbers(id, 1, 2), KEY, "with space"), 400, KEY);
        assertProblem(session.get("/aggregates/numbers/" + id), 404, "aggregateId");
        assertOk(session.command("AddNumbers", numbers(id, 1, 2), KEY, "k".repeat(255)));
    }
}
