package dev.foldline.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.azure.cosmos.CosmosContainers;
import dev.foldline.azure.cosmos.CosmosEventStore;
import dev.foldline.azure.cosmos.CosmosStoreOptions;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.json.Json;
import dev.foldline.model.StreamId;
import dev.foldline.store.EventStore;
import dev.foldline.trace.Tracer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the HTTP function adds to the contract: the identity App Service authentication passes in
 * X-MS-CLIENT-PRINCIPAL, read with the claim names of the FOLDLINE_*_CLAIM settings.
 */
@ExtendWith(CosmosImitation.class)
class CommandFunctionTest {

    private static EventStore store;
    private static CommandFunction function;

    @BeforeAll
    static void start() {
        CosmosStoreOptions options = CosmosStoreOptions.defaults("identity-" + UUID.randomUUID());
        CosmosContainers.createIfMissing(CosmosImitation.client(), options);
        store = new CosmosEventStore(CosmosImitation.client(), options, Tracer.NOOP);
        function = new CommandFunction(AzureRuntime.of(store, List.of(new ExamplesApplication()), Map.of(
                CommandFunction.AUTH_ENABLED, "True",
                "FOLDLINE_TENANT_CLAIM", "extension_tenant",
                "FOLDLINE_ACTOR_CLAIM", "http://schemas.microsoft.com/identity/claims/objectidentifier",
                "FOLDLINE_ROLES_CLAIM", "roles")));
    }

    private static FakeFunctions.Response post(String id, Map<String, String> headers) {
        String body = "{\"aggregateId\":\"" + id + "\",\"number1\":1,\"number2\":2,\"tenant\":\"forged\"}";
        return (FakeFunctions.Response) function.run(FakeFunctions.request("POST", "/commands/AddNumbers",
                        merge(headers, Map.of("Content-Type", "application/json")), body.getBytes(StandardCharsets.UTF_8)),
                FakeFunctions.context("http"));
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(a);
        all.putAll(b);
        return all;
    }

    private static String principal(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_tenant_actor_and_roles_come_from_the_principal_under_the_configured_claim_names() {
        String tenant = "t-" + UUID.randomUUID();
        String header = principal("{\"auth_typ\":\"aad\",\"claims\":["
                + "{\"typ\":\"extension_tenant\",\"val\":\"" + tenant + "\"},"
                + "{\"typ\":\"http://schemas.microsoft.com/identity/claims/objectidentifier\",\"val\":\"user-7\"},"
                + "{\"typ\":\"roles\",\"val\":\"user\"},{\"typ\":\"roles\",\"val\":\"manager\"}]}");

        FakeFunctions.Response response = post("a1", Map.of(ClientPrincipal.HEADER, header));

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(200);
        var envelope = store.read(new StreamId(tenant, "numbers", "a1"), 0, 0).get(0);
        assertThat(envelope.actor().id()).isEqualTo("user-7");
        assertThat(envelope.actor().roles()).containsExactlyInAnyOrder("user", "manager");
        assertThat(store.read(new StreamId("forged", "numbers", "a1"), 0, 0)).isEmpty();
    }

    @Test
    void the_warmup_runs_the_dry_run_as_a_principal_under_the_configured_claim_names_and_writes_nothing() {
        List<Integer> statuses = function.prime();
        function.warmup(null, FakeFunctions.context("warmup"));

        // health, three commands, two reads, a bad argument, an unknown command: as a real caller
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 200, 400, 404);
        assertThat(store.read(EventStore.PRIMING_STREAM, 0, Long.MAX_VALUE)).isEmpty();
        assertThat(store.read(new StreamId("-", "warmup", "w"), 0, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void a_lone_role_with_a_space_stays_one_role() {
        String tenant = "t-" + UUID.randomUUID();
        String header = principal("{\"auth_typ\":\"aad\",\"claims\":["
                + "{\"typ\":\"extension_tenant\",\"val\":\"" + tenant + "\"},"
                + "{\"typ\":\"http://schemas.microsoft.com/identity/claims/objectidentifier\",\"val\":\"user-8\"},"
                + "{\"typ\":\"roles\",\"val\":\"Finance manager\"}]}");

        FakeFunctions.Response response = post("a2", Map.of(ClientPrincipal.HEADER, header));

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(200);
        assertThat(store.read(new StreamId(tenant, "numbers", "a2"), 0, 0).get(0).actor().roles())
                .containsExactly("Finance manager");
    }

    @Test
    void without_a_principal_a_command_is_a_401_problem_and_nothing_is_written() {
        FakeFunctions.Response response = post("no-principal", Map.of());

        assertUnauthorized(response);
    }

    @Test
    void a_malformed_principal_is_a_401_problem() {
        assertUnauthorized(post("bad-1", Map.of(ClientPrincipal.HEADER, "not base64 at all!")));
        assertUnauthorized(post("bad-2", Map.of(ClientPrincipal.HEADER, principal("[1,2]"))));
        assertUnauthorized(post("bad-3", Map.of(ClientPrincipal.HEADER, principal("{\"claims\":[{\"typ\":\"sub\",\"val\":\"u\"}]}"))));
    }

    @Test
    void without_app_service_authentication_in_front_a_principal_header_is_not_believed() {
        CommandFunction unprotected = new CommandFunction(AzureRuntime.of(store, List.of(new ExamplesApplication()), Map.of()));
        String forged = principal("{\"claims\":[{\"typ\":\"tenant\",\"val\":\"victim\"},{\"typ\":\"sub\",\"val\":\"mallory\"}]}");

        FakeFunctions.Response response = (FakeFunctions.Response) unprotected.run(FakeFunctions.request("POST",
                        "/commands/AddNumbers", Map.of("Content-Type", "application/json", ClientPrincipal.HEADER, forged),
                        "{\"aggregateId\":\"forged\",\"number1\":1,\"number2\":2}".getBytes(StandardCharsets.UTF_8)),
                FakeFunctions.context("http"));

        assertUnauthorized(response);
        assertThat(store.read(new StreamId("victim", "numbers", "forged"), 0, 0)).isEmpty();
    }

    @Test
    void health_needs_no_principal() {
        FakeFunctions.Response response = (FakeFunctions.Response) function.run(
                FakeFunctions.request("GET", "/health", Map.of(), null), FakeFunctions.context("http"));

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    private static void assertUnauthorized(FakeFunctions.Response response) {
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Json.parseObject((String) response.getBody()).get("status").getAsInt()).isEqualTo(401);
    }
}
