package dev.foldline.aws;

import static dev.foldline.aws.SamTemplate.at;
import static dev.foldline.aws.SamTemplate.getAtt;
import static dev.foldline.aws.SamTemplate.list;
import static dev.foldline.aws.SamTemplate.map;
import static dev.foldline.aws.SamTemplate.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the deployment must keep, beyond what cfn-lint can know: the settings the functions'
 * guarantees depend on, read from the parsed template. (cfn-lint and the artifact checks run after
 * packaging, in {@link DeploymentPackageTest}.)
 */
class TemplateTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final Map<String, Map<String, Object>> FUNCTIONS = TEMPLATE.properties(SamTemplate.FUNCTION);

    private static Map<String, Object> function(String handlerClass) {
        return FUNCTIONS.values().stream()
                .filter(f -> ("dev.foldline.aws." + handlerClass + "::handleRequest").equals(f.get("Handler")))
                .findFirst().orElseThrow(() -> new AssertionError("no function runs " + handlerClass));
    }

    private static Map<String, Object> variables(Map<String, Object> function) {
        return map(at(function, "Environment", "Variables"));
    }

    /** The function's events of the type (HttpApi, DynamoDB, Schedule), their properties. */
    private static List<Map<String, Object>> events(Map<String, Object> function, String type) {
        return map(function.get("Events")).values().stream()
                .filter(event -> type.equals(map(event).get("Type")))
                .map(event -> map(map(event).get("Properties")))
                .toList();
    }

    @Test
    void every_function_runs_java21_c1_only_on_the_serial_collector_and_the_triggered_ones_use_snapstart_behind_an_alias() {
        assertThat(FUNCTIONS.keySet()).containsExactlyInAnyOrder("CommandFunction", "StreamFunction",
                "ParkedRetryFunction");
        FUNCTIONS.forEach((name, function) -> {
            assertThat(TEMPLATE.functionProperty(function, "Runtime")).as(name).isEqualTo("java21");
            assertThat(variables(function)).as(name)
                    // C1 only (-XX:+TieredCompilation is the default and would only repeat it), and the
                    // serial collector: both measured faster for warm commands (BENCHMARKS.md)
                    .containsEntry("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
                    .containsEntry("FOLDLINE_TABLE", ref("EventsTable"));
            assertThat(TEMPLATE.functionProperty(function, "MemorySize")).as(name).isInstanceOf(Integer.class);
            assertThat(TEMPLATE.functionProperty(function, "Timeout")).as(name).isInstanceOf(Integer.class);
        });
        // The command and stream functions; the 5-minute sweep gains nothing from a snapshot.
        for (String triggered : List.of("CommandFunction", "StreamFunction")) {
            assertThat(function(triggered)).as(triggered)
                    .containsEntry("AutoPublishAlias", "live")
                    // a redeploy that changes only a parameter (an environment variable) still publishes
                    .containsEntry("AutoPublishAliasAllProperties", true)
                    .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
        }
        assertThat(function("ParkedRetryFunction")).doesNotContainKey("SnapStart");
    }

    @Test
    void parked_projections_are_swept_on_a_schedule_in_the_scope_the_stream_function_parks_them() {
        Map<String, Object> sweep = function("ParkedRetryFunction");

        assertThat(events(sweep, "Schedule")).singleElement()
                .satisfies(schedule -> assertThat(schedule).containsEntry("Schedule", "rate(5 minutes)"));
        assertThat(variables(sweep).get("FOLDLINE_PROJECTION_SCOPE"))
                .isEqualTo(variables(function("StreamFunction")).get("FOLDLINE_PROJECTION_SCOPE"))
                .isEqualTo(StreamFunction.DEFAULT_SCOPE);
    }

    @Test
    void the_stream_trigger_reports_item_failures_and_never_drops_silently() {
        assertThat(events(function("StreamFunction"), "DynamoDB")).singleElement().satisfies(trigger -> {
            assertThat(trigger).containsEntry("Stream", getAtt("EventsTable.StreamArn"))
                    .containsEntry("StartingPosition", "TRIM_HORIZON")
                    .containsEntry("BisectBatchOnFunctionError", true)
                    .containsEntry("MaximumRetryAttempts", 10);
            assertThat(list(trigger.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
            assertThat(map(at(trigger, "DestinationConfig", "OnFailure")))
                    .containsEntry("Type", "SQS")
                    .containsEntry("Destination", getAtt("FailedBatchesQueue.Arn"));
        });
        assertThat(TEMPLATE.resource("FailedBatchesQueue")).containsEntry("Type", "AWS::SQS::Queue");
    }

    @Test
    void the_table_streams_new_images_with_recovery_and_encryption() {
        Map<String, Object> table = map(TEMPLATE.resource("EventsTable").get("Properties"));

        assertThat(at(table, "StreamSpecification", "StreamViewType")).isEqualTo("NEW_IMAGE");
        assertThat(at(table, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")).isEqualTo(true);
        assertThat(at(table, "SSESpecification", "SSEEnabled")).isEqualTo(true);
        assertThat(list(table.get("GlobalSecondaryIndexes"))).singleElement().satisfies(index -> {
            assertThat(at(index, "IndexName")).isEqualTo("byTenant");
            assertThat(at(index, "Projection", "ProjectionType")).isEqualTo("INCLUDE");
        });
    }

    @Test
    void the_api_requires_a_jwt_from_the_configured_issuer() {
        Map<String, Object> auth = map(at(TEMPLATE.resource("Api"), "Properties", "Auth"));

        assertThat(auth).containsEntry("DefaultAuthorizer", "Jwt");
        assertThat(map(at(auth, "Authorizers", "Jwt", "JwtConfiguration")))
                .containsEntry("issuer", ref("JwtIssuer"))
                .containsEntry("audience", ref("JwtAudience"));
        // Only the health check is open.
        List<Map<String, Object>> routes = events(function("CommandFunction"), "HttpApi");
        assertThat(routes).filteredOn(route -> route.containsKey("Auth"))
                .singleElement().satisfies(open -> {
                    assertThat(open).containsEntry("Path", "/health");
                    assertThat(at(open, "Auth", "Authorizer")).isEqualTo("NONE");
                });
    }

    @Test
    void policies_name_their_actions_and_scope_table_writes_by_leading_keys() {
        List<Map<String, Object>> statements = statements();
        assertThat(statements).as("policy statements").hasSizeGreaterThan(5);

        for (Map<String, Object> statement : statements) {
            List<Object> actions = actions(statement);
            assertThat(actions).as("actions of " + statement).isNotEmpty()
                    .allSatisfy(action -> assertThat((String) action).doesNotContain("*"));
            if ("*".equals(statement.get("Resource"))) {
                assertThat(actions).as("the one statement on every resource").containsExactly("dynamodb:ListStreams");
            }
            if (getAtt("EventsTable.Arn").equals(statement.get("Resource"))) {
                assertThat(leadingKeys(statement)).as("leading keys of " + actions).isNotEmpty();
                if (actions.stream().anyMatch(Set.of("dynamodb:PutItem", "dynamodb:DeleteItem")::contains)) {
                    // A writer touches one kind of item: commands envelopes, projections checkpoints.
                    assertThat(leadingKeys(statement)).as("writes of " + actions).hasSize(1);
                }
            }
        }
        assertThat(statements).filteredOn(s -> actions(s).contains("dynamodb:PutItem"))
                .extracting(TemplateTest::leadingKeys)
                .containsExactlyInAnyOrder(List.of("ev#*"), List.of("cp#*"));
    }

    /** Every statement of every role's inline policies and of every managed policy. */
    private static List<Map<String, Object>> statements() {
        List<Object> documents = new ArrayList<>();
        TEMPLATE.properties("AWS::IAM::Role").values()
                .forEach(role -> list(role.get("Policies")).forEach(policy -> documents.add(at(policy, "PolicyDocument"))));
        TEMPLATE.properties("AWS::IAM::ManagedPolicy").values()
                .forEach(policy -> documents.add(policy.get("PolicyDocument")));
        List<Map<String, Object>> statements = new ArrayList<>();
        documents.forEach(document -> list(at(document, "Statement")).forEach(s -> statements.add(map(s))));
        return statements;
    }

    private static List<Object> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof String single ? List.of(single) : list(action);
    }

    private static List<Object> leadingKeys(Map<String, Object> statement) {
        return list(at(statement, "Condition", "ForAllValues:StringLike", "dynamodb:LeadingKeys"));
    }
}
