package dev.foldline.http.contract;

import static dev.foldline.http.contract.HttpAssertions.assertOk;
import static dev.foldline.http.contract.HttpAssertions.assertProblem;
import static dev.foldline.http.contract.HttpAssertions.newId;
import static dev.foldline.http.contract.HttpAssertions.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Identity and tenants: who may call (401), who may run a command (403), and that a tenant sees
 * only its own aggregates, whatever a body claims.
 */
public interface IdentityOverHttp extends HttpFixture {

    @Test
    default void a_request_without_identity_is_a_401_on_every_route_but_health() {
        Session caller = as(Caller.inFreshTenant());
        String id = newId();
        assertOk(caller.command("AddNumbers", numbers(id, 1, 2)));
        Session nobody = anonymous();

        assertProblem(nobody.command("AddNumbers", numbers(newId(), 1, 2)), 401, null);
        assertProblem(nobody.command("abc", "{}"), 401, null);
        assertProblem(nobody.get("/aggregates/numbers/" + id), 401, null);
        assertProblem(nobody.get("/aggregates/numbers/" + id + "/envelopes"), 401, null);
        assertProblem(nobody.get("/projections/counter"), 401, null);
        assertOk(nobody.get("/health"));
    }

    @Test
    default void an_actor_without_the_commands_role_is_a_403_and_writes_nothing() {
        Caller manager = Caller.inFreshTenant("manager");
        String id = newId();
        String body = "{\"aggregateId\":\"" + id + "\"}";

        assertProblem(as(manager).command(ContractApplication.OPEN_SAFE, body), 403, null);
        assertProblem(as(manager).get("/aggregates/safe/" + id), 404, "aggregateId");
        ContractResponse admin = as(manager.withRoles(ContractApplication.ADMIN, "manager"))
                .command(ContractApplication.OPEN_SAFE, body);
        assertOk(admin);
        assertThat(admin.state().get("open").getAsBoolean()).isTrue();
    }

    @Test
    default void the_envelope_records_the_caller_as_its_actor_with_its_roles() {
        Caller caller = Caller.inFreshTenant("manager", "user");
        String id = newId();
        as(caller).command("AddNumbers", numbers(id, 1, 2));

        JsonObject envelope = as(caller).get("/aggregates/numbers/" + id + "/envelopes").json()
                .getAsJsonArray("envelopes").get(0).getAsJsonObject();

        assertThat(envelope.get("tenant").getAsString()).isEqualTo(caller.tenant());
        JsonObject actor = envelope.getAsJsonObject("actor");
        assertThat(actor.get("tenant").getAsString()).isEqualTo(caller.tenant());
        assertThat(actor.get("id").getAsString()).isEqualTo(caller.actorId());
        assertThat(actor.getAsJsonArray("roles").toString()).isEqualTo("[\"manager\",\"user\"]");
    }

    @Test
    default void another_tenants_aggregate_is_a_404_and_the_same_id_there_is_another_aggregate() {
        Caller owner = Caller.inFreshTenant("manager");
        Caller other = Caller.inFreshTenant("manager");
        String id = newId();
        as(owner).command("AddNumbers", numbers(id, 1, 2));

        assertProblem(as(other).get("/aggregates/numbers/" + id), 404, "aggregateId");
        assertProblem(as(other).get("/aggregates/numbers/" + id + "/envelopes"), 404, "aggregateId");
        assertProblem(as(other).command("AddNumbers", numbers(id, 0L, 5, 5)), 409, null);
        ContractResponse theirs = as(other).command("AddNumbers", numbers(id, 5, 5));
        assertThat(theirs.version()).isZero();
        assertThat(theirs.state().get("sum").getAsLong()).isEqualTo(10);

        ContractResponse mine = as(owner).get("/aggregates/numbers/" + id);
        assertThat(mine.version()).isZero();
        assertThat(mine.state().get("sum").getAsLong()).isEqualTo(3);
    }

    @Test
    default void the_tenant_and_actor_never_come_from_the_body() {
        Caller caller = Caller.inFreshTenant("manager");
        Caller victim = Caller.inFreshTenant("manager");
        String id = newId();
        String body = "{\"aggregateId\":\"" + id + "\",\"number1\":1,\"number2\":2,\"tenant\":\"" + victim.tenant()
                + "\",\"actor\":{\"tenant\":\"" + victim.tenant() + "\",\"id\":\"intruder\"}}";

        assertOk(as(caller).command("AddNumbers", body));

        assertProblem(as(victim).get("/aggregates/numbers/" + id), 404, "aggregateId");
        JsonObject envelope = as(caller).get("/aggregates/numbers/" + id + "/envelopes").json()
                .getAsJsonArray("envelopes").get(0).getAsJsonObject();
        assertThat(envelope.get("tenant").getAsString()).isEqualTo(caller.tenant());
        assertThat(envelope.getAsJsonObject("actor").get("id").getAsString()).isEqualTo(caller.actorId());
    }
}
