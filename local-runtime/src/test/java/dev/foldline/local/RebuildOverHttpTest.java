package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /projections/{handler}/rebuild} on the local runtime, over real HTTP. */
class RebuildOverHttpTest {

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.withDefaults();

    private static ApiClient caller(String tenant, String roles) {
        return server.api().as(tenant, "user1", roles);
    }

    private static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void add(ApiClient client, String id, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(client.command("AddNumbers", "{\"aggregateId\":\"" + id + "\",\"number1\":1,\"number2\":2}")
                    .status()).isEqualTo(200);
        }
    }

    /** An admin of a fresh tenant whose counter counted 3 events on "a" and 2 on "b". */
    private static ApiClient adminWithCounts() {
        ApiClient admin = caller(tenant(), "admin");
        add(admin, "a", 3);
        add(admin, "b", 2);
        return admin;
    }

    private static ApiClient.Reply rebuild(ApiClient client, String query) {
        return client.send("POST", "/projections/counter/rebuild" + query, BodyPublishers.noBody());
    }

    private static JsonObject counts(ApiClient client) {
        ApiClient.Reply counter = client.get("/projections/counter");
        assertThat(counter.status()).as(counter.toString()).isEqualTo(200);
        return counter.json().getAsJsonObject("events");
    }

    @Test
    void an_admin_rebuilds_the_counter_of_its_tenant_and_it_counts_every_event_once() {
        ApiClient admin = adminWithCounts();

        ApiClient.Reply reply = rebuild(admin, "");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("stage").getAsString()).isEqualTo("done");
        assertThat(reply.json().get("read").getAsLong()).isEqualTo(5);
        assertThat(reply.json().get("applied").getAsLong()).isEqualTo(5);
        assertThat(reply.json().has("envelopesPerSecond")).isTrue();
        assertThat(counts(admin).get("a").getAsInt()).isEqualTo(3);
        assertThat(counts(admin).get("b").getAsInt()).isEqualTo(2);
    }

    @Test
    void a_rebuild_in_steps_with_commands_between_them_counts_every_event_once() {
        ApiClient admin = adminWithCounts();

        ApiClient.Reply first = rebuild(admin, "?pageSize=2&pages=1");
        add(admin, "a", 1);
        add(admin, "c", 1);
        int steps = 1;
        ApiClient.Reply last;
        do {
            last = rebuild(admin, "?pageSize=2&pages=1");
            assertThat(last.status()).as(last.toString()).isEqualTo(200);
            assertThat(++steps).isLessThan(20);
        } while (!last.json().get("stage").getAsString().equals("done"));
        add(admin, "b", 1);

        assertThat(first.json().get("stage").getAsString()).isEqualTo("running");
        assertThat(first.json().get("position").getAsString()).isNotBlank();
        JsonObject counts = counts(admin);
        assertThat(counts.get("a").getAsInt()).isEqualTo(4);
        assertThat(counts.get("b").getAsInt()).isEqualTo(3);
        assertThat(counts.get("c").getAsInt()).isEqualTo(1);
    }

    @Test
    void an_operator_rebuilds_every_tenant() {
        String one = tenant();
        String two = tenant();
        add(caller(one, "user"), "a", 2);
        add(caller(two, "user"), "a", 1);

        ApiClient.Reply reply = rebuild(caller(tenant(), "operator"), "?tenants=all");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("stage").getAsString()).isEqualTo("done");
        assertThat(reply.json().get("tenantsDone").getAsLong()).isGreaterThanOrEqualTo(2);
        assertThat(counts(caller(one, "user")).get("a").getAsInt()).isEqualTo(2);
        assertThat(counts(caller(two, "user")).get("a").getAsInt()).isEqualTo(1);
    }

    @Test
    void rebuilding_needs_the_admin_role_and_every_tenant_the_operator_role() {
        assertProblem(rebuild(caller(tenant(), "manager"), ""), 403, null);
        assertProblem(rebuild(caller(tenant(), "admin"), "?tenants=all"), 403, null);
    }

    @Test
    void bad_parameters_an_unknown_handler_and_other_methods_are_problems() {
        ApiClient admin = caller(tenant(), "admin");

        assertProblem(rebuild(admin, "?tenants=mine"), 400, "tenants");
        assertProblem(rebuild(admin, "?pageSize=0"), 400, "pageSize");
        assertProblem(rebuild(admin, "?pages=x"), 400, "pages");
        assertProblem(admin.send("POST", "/projections/nobody/rebuild", BodyPublishers.noBody()), 404, "handler");
        assertProblem(admin.get("/projections/counter/rebuild"), 405, null);
    }

    private static void assertProblem(ApiClient.Reply reply, int status, String argument) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        if (argument != null) {
            assertThat(reply.json().get("argument").getAsString()).isEqualTo(argument);
        }
    }
}
