package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.google.gson.JsonObject;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.json.Json;
import dev.foldline.model.StreamId;
import dev.foldline.store.EventStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The command function on real API Gateway HTTP API (payload 2.0) events, against DynamoDB Local:
 * what is particular to the platform (the payload shapes, claim names, base64 bodies, stages). The
 * HTTP contract itself is {@link CommandFunctionHttpContractTest}.
 */
@ExtendWith(LocalDynamoDb.class)
class CommandFunctionTest {

    private static EventStore store;

    @BeforeAll
    static void createTable() {
        var client = LocalDynamoDb.client();
        store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(LocalDynamoDb.newTable(client)));
    }

    private static CommandFunction function(Map<String, String> env) {
        return new CommandFunction(AwsRuntime.of(store, List.of(new ExamplesApplication()), env));
    }

    private static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/" + name);
    }

    private static JsonObject body(APIGatewayV2HTTPResponse response) {
        return Json.parseObject(response.getBody());
    }

    @Test
    void a_command_with_verified_claims_runs_and_answers_with_the_aggregate() {
        CommandFunction function = function(Map.of());

        APIGatewayV2HTTPResponse response = function.handleRequest(event("http-add-numbers.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json").containsEntry("ETag", "\"0\"");
        JsonObject body = body(response);
        assertThat(body.get("aggregateId").getAsString()).isEqualTo("calc-1");
        assertThat(body.getAsJsonObject("state").get("sum").getAsLong()).isEqualTo(3);
        var envelope = store.read(new StreamId("tenant1", "numbers", "calc-1"), 0, 0).get(0);
        assertThat(envelope.actor().id()).isEqualTo("user1");
        assertThat(envelope.actor().roles()).containsExactlyInAnyOrder("user", "manager");
        assertThat(envelope.idempotencyKey()).isEqualTo("req-0001");

        APIGatewayV2HTTPResponse read = function.handleRequest(event("http-get-aggregate.json"), null);
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(body(read).getAsJsonObject("state").get("sum").getAsLong()).isEqualTo(3);
    }

    @Test
    void a_request_without_claims_is_401_problem_json() {
        APIGatewayV2HTTPResponse response = function(Map.of()).handleRequest(event("http-no-claims.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(body(response).get("status").getAsInt()).isEqualTo(401);
    }

    @Test
    void claim_names_come_from_the_environment_and_base64_bodies_and_stages_are_unwrapped() {
        CommandFunction cognito = function(Map.of("FOLDLINE_TENANT_CLAIM", "custom:tenant",
                "FOLDLINE_ROLES_CLAIM", "cognito:groups"));

        APIGatewayV2HTTPResponse response = cognito.handleRequest(event("http-base64-stage-cognito.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).getAsJsonObject("state").get("sum").getAsLong()).isEqualTo(10);
        assertThat(store.read(new StreamId("tenant2", "numbers", "calc-2"), 0, 0)).singleElement()
                .satisfies(e -> assertThat(e.actor().id()).isEqualTo("user2"));
    }

    @Test
    void with_the_default_claim_names_a_cognito_token_has_no_tenant_and_is_401() {
        APIGatewayV2HTTPResponse response = function(Map.of()).handleRequest(event("http-base64-stage-cognito.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
    }

    @Test
    void a_tenant_claim_api_gateway_rendered_from_a_list_is_401_and_writes_nothing() {
        APIGatewayV2HTTPEvent listedTenant = event("http-add-numbers.json");
        Map<String, String> claims = listedTenant.getRequestContext().getAuthorizer().getJwt().getClaims();
        claims.put("tenant", "[tenant1 tenant9]");

        APIGatewayV2HTTPResponse response = function(Map.of()).handleRequest(listedTenant, null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(body(response).get("detail").getAsString()).contains("tenant");
        for (String tenant : List.of("[tenant1 tenant9]", "tenant1 tenant9", "tenant9")) {
            assertThat(store.read(new StreamId(tenant, "numbers", "calc-1"), 0, 0)).isEmpty();
        }
    }

    @Test
    void an_initialisation_ahead_of_traffic_primes_a_read_and_a_refused_put_and_writes_nothing() {
        for (String initialisation : List.of("snap-start", "provisioned-concurrency", "lambda-managed-instances")) {
            RequestCounter requests = new RequestCounter();
            var client = LocalDynamoDb.client(requests);
            String table = LocalDynamoDb.newTable(client);
            requests.reset();

            new CommandFunction(AwsRuntime.of(new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(table)),
                    List.of(new ExamplesApplication()), Map.of(CommandFunction.INITIALIZATION_TYPE, initialisation)));

            List<String> eachRound = List.of("Query", "PutItem");
            assertThat(requests.operations()).as(initialisation).hasSize(2 * CommandFunction.STORE_PRIMING_ROUNDS)
                    .containsExactlyElementsOf(java.util.Collections.nCopies(CommandFunction.STORE_PRIMING_ROUNDS, eachRound)
                            .stream().flatMap(List::stream).toList());
            assertThat(client.scan(b -> b.tableName(table)).count()).isZero();
        }
    }

    @Test
    void an_on_demand_initialisation_does_not_prime_so_the_first_request_waits_only_for_itself() {
        for (Map<String, String> env : List.of(Map.of(CommandFunction.INITIALIZATION_TYPE, "on-demand"),
                Map.<String, String>of())) {
            RequestCounter requests = new RequestCounter();
            var client = LocalDynamoDb.client(requests);
            String table = LocalDynamoDb.newTable(client);
            requests.reset();

            CommandFunction function = new CommandFunction(AwsRuntime.of(
                    new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(table)),
                    List.of(new ExamplesApplication()), env));

            assertThat(requests.operations()).as(env.toString()).isEmpty();
            assertThat(function.handleRequest(event("http-add-numbers.json"), null).getStatusCode()).isEqualTo(200);
            assertThat(requests.operations()).as(env.toString()).containsExactly("Query", "PutItem");
        }
    }

    @Test
    void a_store_that_cannot_be_reached_while_priming_does_not_stop_the_function() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + closedPort))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .httpClient(software.amazon.awssdk.http.apache5.Apache5HttpClient.create())
                .build();

        CommandFunction function = new CommandFunction(AwsRuntime.of(
                new DynamoDbEventStore(unreachable, DynamoDbStoreOptions.defaults("nowhere")),
                List.of(new ExamplesApplication()), Map.of(CommandFunction.INITIALIZATION_TYPE, "snap-start")));

        APIGatewayV2HTTPEvent health = event("http-get-aggregate.json");
        health.setRawPath("/health");
        assertThat(function.handleRequest(health, null).getStatusCode()).isEqualTo(200);
    }
}
