package dev.foldline.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code scripts/deploy-azure --dry-run} prints every command it would run, and runs none. */
class DeployScriptTest {

    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("scripts/deploy-azure");
    private static final String[] REQUIRED = {"--resource-group", "rg-demo", "--location", "westeurope", "--app", "fold-demo",
        "--auth-client-id", "11111111-2222", "--auth-issuer", "https://login.microsoftonline.com/tenant-id/v2.0"};

    private record Result(int exit, List<String> lines) {
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output.lines().toList());
    }

    private static String[] with(String... more) {
        List<String> all = new ArrayList<>(List.of("--dry-run"));
        all.addAll(List.of(REQUIRED));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void a_dry_run_builds_deploys_the_infrastructure_then_uploads_the_staged_app() throws Exception {
        Result result = run(with("--tenant-claim", "extension_tenant"));

        assertThat(result.exit()).as(String.join("\n", result.lines())).isZero();
        List<String> lines = result.lines();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("mvn ").contains("-pl azure-functions -am package", "-DfunctionAppName=fold-demo");
        assertThat(lines.get(1)).isEqualTo("az group create --name rg-demo --location westeurope --output none");
        assertThat(lines.get(2)).startsWith("az deployment group create --resource-group rg-demo")
                .contains("--template-file azure-functions/infra/main.bicep", "appName=fold-demo", "authClientId=11111111-2222",
                        "authIssuer=https://login.microsoftonline.com/tenant-id/v2.0", "tenantClaim=extension_tenant");
        assertThat(lines.get(3)).startsWith("jar --create --no-manifest --file azure-functions/target/fold-demo.zip")
                .endsWith("-C azure-functions/target/azure-functions/fold-demo .");
        assertThat(lines.get(4)).startsWith("az functionapp deployment source config-zip").contains("--name fold-demo");
        assertThat(lines.get(5)).startsWith("az deployment group show");
    }

    @Test
    void an_unknown_option_exits_2_with_the_usage() throws Exception {
        Result result = run(with("--bogus"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.lines()).anyMatch(line -> line.contains("unknown option: --bogus"))
                .anyMatch(line -> line.contains("scripts/deploy-azure --resource-group"));
    }

    @Test
    void a_missing_required_value_exits_2_naming_it() throws Exception {
        Result missing = run("--dry-run", "--app", "fold-demo");
        Result empty = run("--dry-run", "--app");

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.lines()).anyMatch(line -> line.contains("--resource-group is required"));
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.lines()).anyMatch(line -> line.contains("--app needs a value"));
    }

    @Test
    void examples_is_on_or_off() throws Exception {
        assertThat(run(with("--examples", "maybe")).exit()).isEqualTo(2);
        assertThat(run(with("--examples", "off")).lines()).anyMatch(line -> line.contains("examples=off"));
    }
}
