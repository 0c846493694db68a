package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.foldline.app.Application;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.testing.ChildProcess;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The template and the artifact it deploys, checked after {@code mvn package}: cfn-lint passes with
 * no errors and no warnings (whenever it is installed; under {@code CI=true} a missing cfn-lint
 * fails), every function's CodeUri exists and stays under 15 MiB, every Handler names a public
 * class and method inside it, the artifact's service file lists an application it contains, and it
 * ships one HTTP client.
 */
class DeploymentPackageTest {

    private static final long MAX_BYTES = 15L * 1024 * 1024;
    private static final Path ROOT = SamTemplate.FILE.getParent();

    @Test
    void cfn_lint_reports_no_errors_and_no_warnings() throws Exception {
        ChildProcess lint;
        try {
            lint = ChildProcess.run(new ProcessBuilder("cfn-lint", "--format", "parseable", SamTemplate.FILE.toString()),
                    Duration.ofMinutes(2));
        } catch (IOException e) {
            String message = "cfn-lint is not installed (pip install cfn-lint): " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message, e);
            }
            System.err.println("SKIPPED, NOT PASSED: " + message);
            Assumptions.abort(message);
            return;
        }
        assertThat(lint.output()).as("cfn-lint findings").isBlank();
        assertThat(lint.exitCode()).as("cfn-lint exit code; output:\n" + lint.output()).isZero();
    }

    @Test
    void every_function_names_a_public_handler_in_its_built_artifact_under_15_mib() throws Exception {
        SamTemplate template = SamTemplate.load();
        Map<String, Map<String, Object>> functions = template.properties(SamTemplate.FUNCTION);
        assertThat(functions).as("functions in the template").isNotEmpty();

        for (Map.Entry<String, Map<String, Object>> function : functions.entrySet()) {
            String name = function.getKey();
            Object handler = template.functionProperty(function.getValue(), "Handler");
            Object codeUri = template.functionProperty(function.getValue(), "CodeUri");
            assertThat(handler).as("Handler of " + name).isInstanceOf(String.class);
            assertThat(codeUri).as("CodeUri of " + name).isInstanceOf(String.class);
            Path artifact = ROOT.resolve((String) codeUri);
            assertThat(artifact).as("built artifact of " + name + " (run mvn package)").isRegularFile();
            assertThat(Files.size(artifact)).as("artifact size of " + artifact).isLessThan(MAX_BYTES);
            String[] parts = ((String) handler).split("::");
            assertThat(parts).as("Handler of " + name + " is class::method").hasSize(2);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {artifact.toUri().toURL()}, null)) {
                Class<?> type = Class.forName(parts[0], false, loader);
                assertThat(Modifier.isPublic(type.getModifiers())).as(parts[0] + " is public").isTrue();
                assertThat(type.getConstructor()).as("no-arg constructor of " + parts[0]).isNotNull();
                List<Method> methods = Arrays.stream(type.getMethods())
                        .filter(m -> m.getName().equals(parts[1]) && m.getParameterCount() == 2
                                && m.getParameterTypes()[1].getName().equals(Context.class.getName())
                                && !m.isBridge())
                        .toList();
                assertThat(methods).as(handler + " taking a Lambda Context").hasSize(1);
            }
        }
    }

    /**
     * The deployed functions serve the example application (the core's Assembly adds it unless
     * FOLDLINE_EXAMPLES=off), so the artifact must hold it; any service file it carries must list
     * only classes it holds.
     */
    @Test
    void the_artifact_holds_the_example_application_and_every_application_its_service_file_lists() throws Exception {
        Path artifact = ROOT.resolve("aws-lambda/target/foldline-aws-lambda.zip");
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            assertThat(zip.getEntry(ExamplesApplication.class.getName().replace('.', '/') + ".class"))
                    .as("the example application in " + artifact).isNotNull();
            ZipEntry services = zip.getEntry("META-INF/services/" + Application.class.getName());
            List<String> listed = services == null ? List.of()
                    : new String(zip.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8)
                    .lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            assertThat(listed).allSatisfy(className -> assertThat(
                    zip.getEntry(className.replace('.', '/') + ".class")).as(className + " in " + artifact).isNotNull());
        }
    }

    /** One of the SDK's HTTP clients: the one {@code DynamoDbClients} builds. */
    @Test
    void the_artifact_ships_one_sdk_http_client() throws Exception {
        Path artifact = ROOT.resolve("aws-lambda/target/foldline-aws-lambda.zip");
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            List<String> clients = List.of("apache/", "apache5/", "urlconnection/", "nio/netty/", "crt/").stream()
                    .map(client -> "software/amazon/awssdk/http/" + client)
                    .filter(client -> names.stream().anyMatch(name -> name.startsWith(client)))
                    .toList();
            assertThat(clients).as("SDK HTTP clients in " + artifact).hasSize(1);
        }
    }

    /**
     * Lambda's runtime brings its CRaC context but not the {@code org.crac} API: the artifact ships
     * it, or the restore hook's class fails to link. The test stand-in for the runtime's context
     * must not be shipped.
     */
    @Test
    void the_artifact_ships_the_crac_api_for_the_restore_hook_and_no_stand_in_runtime() throws Exception {
        Path artifact = ROOT.resolve("aws-lambda/target/foldline-aws-lambda.zip");
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            assertThat(zip.getEntry("org/crac/Core.class")).as("org.crac in " + artifact).isNotNull();
            assertThat(zip.getEntry(RestorePriming.class.getName().replace('.', '/') + ".class")).isNotNull();
            assertThat(zip.stream().map(ZipEntry::getName)).noneMatch(name -> name.startsWith("dev/foldline/aws/lambdaruntime/"));
        }
    }
}
