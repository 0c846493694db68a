package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/deploy-aws --dry-run} prints the commands it would run and runs none. */
class DeployScriptTest {

    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("scripts/deploy-aws");

    private static List<String> dryRun(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString(), "--dry-run"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    @Test
    void a_first_deployment_builds_then_deploys_guided() throws Exception {
        List<String> lines = dryRun("--stack", "demo", "--region", "eu-west-1",
                "--issuer", "https://issuer.example/pool", "--audience", "client-1");

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("mvn ").contains("-pl aws-lambda -am package");
        assertThat(lines.get(1)).startsWith("sam build").contains("template.yaml");
        assertThat(lines.get(2)).startsWith("sam deploy").contains("--stack-name demo", "--region eu-west-1",
                "JwtIssuer=https://issuer.example/pool", "JwtAudience=client-1");
        if (!Files.exists(SCRIPT.getParent().getParent().resolve("samconfig.toml"))) {
            assertThat(lines.get(2)).endsWith("--guided");
        }
        assertThat(lines.get(3)).startsWith("aws cloudformation describe-stacks");
    }

    @Test
    void an_unknown_option_is_refused(@TempDir Path unused) throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), "--dry-run", "--bogus")
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
    }
}
