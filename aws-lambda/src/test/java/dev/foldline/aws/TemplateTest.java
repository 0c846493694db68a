package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the deployment must keep, beyond what cfn-lint can know: the settings the functions'
 * guarantees depend on. (cfn-lint and the artifact checks run after packaging, in
 * {@link DeploymentPackageTest}.)
 */
class TemplateTest {

    private static final String TEMPLATE = read();

    private static String read() {
        try {
            return Files.readString(Path.of("").toAbsolutePath().getParent().resolve("template.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void every_function_runs_java21_c1_only_and_the_triggered_ones_use_snapstart_behind_an_alias() {
        assertThat(count("Type: AWS::Serverless::Function")).isEqualTo(3);
        assertThat(count("Runtime: java21")).isEqualTo(3);
        assertThat(count("JAVA_TOOL_OPTIONS: -XX:+TieredCompilation -XX:TieredStopAtLevel=1")).isEqualTo(3);
        assertThat(count("MemorySize:")).isEqualTo(3);
        assertThat(count("Timeout:")).isEqualTo(3);
        // The command and stream functions; the 5-minute sweep gains nothing from a snapshot.
        assertThat(count("ApplyOn: PublishedVersions")).isEqualTo(2);
        assertThat(count("AutoPublishAlias: live")).isEqualTo(2);
    }

    @Test
    void parked_projections_are_swept_on_a_schedule() {
        assertThat(TEMPLATE).contains("Handler: dev.foldline.aws.ParkedRetryFunction::handleRequest",
                "Schedule: rate(5 minutes)");
    }

    @Test
    void the_stream_trigger_reports_item_failures_and_never_drops_silently() {
        assertThat(TEMPLATE).contains("StartingPosition: TRIM_HORIZON", "- ReportBatchItemFailures",
                "BisectBatchOnFunctionError: true", "MaximumRetryAttempts: 10", "OnFailure:", "Type: SQS");
    }

    @Test
    void the_table_streams_new_images_with_recovery_and_encryption() {
        assertThat(TEMPLATE).contains("StreamViewType: NEW_IMAGE", "PointInTimeRecoveryEnabled: true",
                "SSEEnabled: true", "IndexName: byTenant", "ProjectionType: INCLUDE");
    }

    @Test
    void the_api_requires_a_jwt_from_the_configured_issuer() {
        assertThat(TEMPLATE).contains("DefaultAuthorizer: Jwt", "issuer: !Ref JwtIssuer", "audience: !Ref JwtAudience");
    }

    @Test
    void policies_name_their_actions_and_scope_writes_by_leading_keys() {
        assertThat(Pattern.compile("(?m)^\\s*-?\\s*(Action:\\s*)?\"?[a-z0-9]+:\\*\"?\\s*$").matcher(TEMPLATE).find())
                .as("a wildcard action").isFalse();
        assertThat(TEMPLATE).doesNotContain("Action: \"*\"", "Action: '*'", "Policies:\n        - AWSLambda");
        assertThat(count("dynamodb:LeadingKeys:")).isGreaterThanOrEqualTo(4);
    }

    private static int count(String text) {
        int count = 0;
        for (int i = TEMPLATE.indexOf(text); i >= 0; i = TEMPLATE.indexOf(text, i + 1)) {
            count++;
        }
        return count;
    }
}
