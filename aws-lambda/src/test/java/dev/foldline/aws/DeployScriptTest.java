package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/deploy-aws}, run for real on a copy of the repository's script and template with
 * {@code mvn}, {@code sam} and {@code aws} replaced by stubs that record how they were called (and
 * fail when told to). So the tests see what the script would run against AWS, in which order and
 * from which folder, and that it stops at the first failure.
 */
class DeployScriptTest {

    private static final Path SCRIPT = SamTemplate.FILE.getParent().resolve("scripts/deploy-aws");
    private static final String[] FIRST_DEPLOYMENT = {"--stack", "demo", "--region", "eu-west-1",
            "--issuer", "https://issuer.example/pool", "--audience", "client-1"};

    @TempDir
    Path root;

    private Path calls;
    private Path folders;

    @BeforeEach
    void copyTheRepositoryWithStubbedTools() throws IOException {
        Files.createDirectories(root.resolve("scripts"));
        Files.copy(SCRIPT, root.resolve("scripts/deploy-aws"));
        Files.copy(SamTemplate.FILE, root.resolve("template.yaml"));
        Path bin = Files.createDirectories(root.resolve("stub-bin"));
        calls = root.resolve("calls.log");
        folders = root.resolve("folders.log");
        for (String tool : List.of("mvn", "sam", "aws")) {
            // Records the call quoted as the script's --dry-run prints it, then fails if named in $FAIL.
            Path stub = bin.resolve(tool);
            Files.writeString(stub, "#!/usr/bin/env bash\n"
                    + "line=\"$(printf '%q ' \"$(basename \"$0\")\" \"$@\")\"\n"
                    + "echo \"${line% }\" >> '" + calls + "'\n"
                    + "pwd >> '" + folders + "'\n"
                    + "[[ \"$(basename \"$0\")\" != \"${FAIL:-}\" ]]\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private Run deploy(String fail, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/deploy-aws").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("PATH", root.resolve("stub-bin") + ":" + System.getenv("PATH"));
        builder.environment().put("FAIL", fail);
        builder.environment().remove("AWS_REGION");
        builder.environment().remove("AWS_DEFAULT_REGION");
        ChildProcess script = ChildProcess.run(builder, Duration.ofSeconds(30));
        return new Run(script.exitCode(), script.output(), lines(calls), lines(folders));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private record Run(int exitCode, String output, List<String> calls, List<String> folders) {
    }

    @Test
    void a_first_deployment_builds_then_deploys_guided_from_the_repository_root() throws Exception {
        Run run = deploy("", FIRST_DEPLOYMENT);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls()).containsExactly(
                "mvn -q -pl aws-lambda -am package -DskipTests",
                "sam build --template-file template.yaml",
                "sam deploy --stack-name demo --capabilities CAPABILITY_IAM --region eu-west-1"
                        + " --parameter-overrides JwtIssuer=https://issuer.example/pool JwtAudience=client-1 --guided",
                "aws cloudformation describe-stacks --stack-name demo --region eu-west-1"
                        + " --query Stacks\\[0\\].Outputs\\[\\?OutputKey==\\'ApiUrl\\'\\].OutputValue --output text");
        assertThat(run.folders()).hasSize(4).containsOnly(root.toRealPath().toString());
    }

    @Test
    void with_a_saved_configuration_the_deployment_is_not_guided_unless_asked() throws Exception {
        Files.writeString(root.resolve("samconfig.toml"), "version = 0.1\n");

        Run saved = deploy("", "--stack", "demo");
        assertThat(saved.calls()).filteredOn(call -> call.startsWith("sam deploy")).singleElement()
                .isEqualTo("sam deploy --stack-name demo --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset");

        Files.delete(calls);
        Run guided = deploy("", "--stack", "demo", "--guided");
        assertThat(guided.calls()).filteredOn(call -> call.startsWith("sam deploy")).singleElement()
                .asString().endsWith(" --guided");
    }

    @Test
    void every_parameter_the_script_overrides_is_a_parameter_of_the_template() throws Exception {
        Run run = deploy("", "--stack", "demo", "--issuer", "https://issuer.example", "--audience", "a,b",
                "--tenant-claim", "custom:tenant", "--roles-claim", "cognito:groups");

        String deployCall = run.calls().stream().filter(call -> call.startsWith("sam deploy")).findFirst().orElseThrow();
        List<String> overridden = List.of(deployCall.replaceAll(".*--parameter-overrides (.*) --guided$", "$1")
                .split(" ")).stream().map(assignment -> assignment.substring(0, assignment.indexOf('='))).toList();
        assertThat(overridden).containsExactly("JwtIssuer", "JwtAudience", "TenantClaim", "RolesClaim");
        assertThat(SamTemplate.load().parameters()).containsKeys(overridden.toArray(String[]::new));
    }

    @Test
    void a_failing_build_stops_the_script_before_anything_is_deployed() throws Exception {
        Run run = deploy("mvn", FIRST_DEPLOYMENT);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.calls()).containsExactly("mvn -q -pl aws-lambda -am package -DskipTests");
    }

    @Test
    void a_dry_run_prints_the_commands_a_real_run_runs_and_runs_none() throws Exception {
        List<String> dryRunArgs = new ArrayList<>(List.of("--dry-run"));
        dryRunArgs.addAll(List.of(FIRST_DEPLOYMENT));
        Run dry = deploy("", dryRunArgs.toArray(String[]::new));
        assertThat(dry.exitCode()).as(dry.output()).isZero();
        assertThat(dry.calls()).isEmpty();

        Run real = deploy("", FIRST_DEPLOYMENT);
        assertThat(dry.output().lines().toList()).isEqualTo(real.calls()).hasSize(4);
    }

    @Test
    void an_unknown_option_is_refused_and_nothing_runs() throws Exception {
        Run run = deploy("", "--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("unknown option: --bogus");
        assertThat(run.calls()).isEmpty();
    }

    @Test
    void an_option_without_its_value_is_a_usage_error_and_nothing_runs() throws Exception {
        for (String[] args : List.of(new String[] {"--issuer"}, new String[] {"--issuer", "--dry-run"},
                new String[] {"--stack", ""}, new String[] {"--dry-run", "--audience"})) {
            Run run = deploy("", args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.output()).contains("needs a value").contains("--dry-run");
            assertThat(run.calls()).isEmpty();
        }
    }
}
