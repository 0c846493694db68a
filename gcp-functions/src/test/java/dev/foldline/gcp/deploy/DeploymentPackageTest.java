package dev.foldline.gcp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.invoker.runner.Invoker;
import dev.foldline.gcp.ApiGatewayIdentity;
import dev.foldline.gcp.FirestoreEmulator;
import dev.foldline.gcp.Resources;
import dev.foldline.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployable jar, checked after {@code mvn package} as Cloud Functions runs it: the Functions
 * Framework's invoker in a fresh JVM with only the shaded jar on its class path, configured by
 * environment variables alone (the emulator standing in for Firestore), serves the example
 * application. This is what proves that nothing the shade plugin left out is needed.
 */
class DeploymentPackageTest {

    private static final Path JAR = Path.of("target/deploy/foldline-gcp-functions.jar");
    private static final long MAX_BYTES = 27L * 1024 * 1024;
    private static final Path LOG = Path.of("target/deployment-package-function.log");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int START_ATTEMPTS = 3;
    private static final HttpClient http = HttpClient.newHttpClient();

    private static FirestoreEmulator emulator;
    private static Process function;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        emulator = FirestoreEmulator.start();
        Files.deleteIfExists(LOG);
        // A port found free is not held until the function binds it: should something take it
        // meanwhile, the function exits, and another port is tried.
        for (int attempt = 1; attempt <= START_ATTEMPTS && function == null; attempt++) {
            port = FirestoreEmulator.freePort();
            Process started = startFunction(port);
            try {
                if (awaitListening(started, port)) {
                    function = started;
                }
            } finally {
                if (function != started) {
                    started.destroy();
                }
            }
        }
        assertThat(function).as("the function listening (see %s)", LOG).isNotNull();
    }

    private static Process startFunction(int port) throws IOException {
        Path invoker = Path.of(URI.create(Invoker.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", invoker.toString(),
                "--classpath", JAR.toAbsolutePath().toString(),
                "--target", "dev.foldline.gcp.HttpApiFunction", "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
        builder.environment().putAll(Map.of(
                "FIRESTORE_EMULATOR_HOST", emulator.hostPort(),
                "GOOGLE_CLOUD_PROJECT", FirestoreEmulator.PROJECT,
                "FOLDLINE_GCP_IDENTITY", "gateway"));
        return builder.start();
    }

    /** Polls until the port accepts connections (true) or the process has exited (false). */
    private static boolean awaitListening(Process process, int port) {
        Instant end = Instant.now().plus(STARTUP);
        while (process.isAlive()) {
            assertThat(Instant.now()).as("the function listening within %s (see %s)", STARTUP, LOG).isBefore(end);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notListeningYet) {
                LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            }
        }
        return false;
    }

    @AfterAll
    static void stop() throws Exception {
        if (function != null) {
            function.destroy();
        }
        Resources.closeAll(emulator);
    }

    @Test
    void the_jar_is_built_and_stays_under_27_mib() throws IOException {
        assertThat(JAR).exists();
        assertThat(Files.size(JAR)).isLessThan(MAX_BYTES);
    }

    @Test
    void the_jar_ships_natives_for_linux_x86_64_only_and_no_second_http_client() throws IOException {
        List<String> entries;
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }
        assertThat(entries).filteredOn(name -> name.startsWith("META-INF/native/") && name.endsWith(".so"))
                .isNotEmpty().allMatch(name -> name.contains("x86_64"));
        assertThat(entries).as("Apache HttpClient and the transport over it (see the shade exclusions)")
                .noneMatch(name -> name.startsWith("org/apache/http/") || name.startsWith("com/google/api/client/http/apache/"));
        assertThat(entries).as("Google Workspace card messages").noneMatch(name -> name.startsWith("com/google/apps/"));
    }

    @Test
    void the_shaded_jar_alone_serves_a_command_on_firestore() throws Exception {
        String userinfo = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"tenant\":\"t1\",\"sub\":\"u1\"}".getBytes(StandardCharsets.UTF_8));
        HttpRequest command = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/commands/AddNumbers"))
                .header("Content-Type", "application/json")
                .header(ApiGatewayIdentity.USERINFO, userinfo)
                .POST(HttpRequest.BodyPublishers.ofString("{\"number1\":1,\"number2\":2}"))
                .build();

        HttpResponse<String> response = send(command);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parseObject(response.body()).getAsJsonObject("state").get("sum").getAsInt()).isEqualTo(3);
        // the Firestore client logs through slf4j: with the jar's provider, no "no providers" warning
        assertThat(Files.readString(LOG)).doesNotContain("SLF4J");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        assertThat(function.isAlive()).as("the function process is running (see %s)", LOG).isTrue();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
