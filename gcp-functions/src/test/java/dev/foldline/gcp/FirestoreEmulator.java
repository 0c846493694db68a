package dev.foldline.gcp;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.auth.Credentials;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The official Cloud Firestore emulator (the gcloud SDK's {@code cloud-firestore-emulator.jar}),
 * started by the tests themselves: the java command on a free port, ready once its HTTP port
 * answers, stopped by PID with its children. As a JUnit extension it shares one emulator with
 * every test class of the run and deletes all documents before each class. Where the jar is
 * missing, tests fail under {@code CI=true} and are skipped with a message otherwise.
 *
 * <p>The jar is looked up in {@code FIRESTORE_EMULATOR_JAR}, then under the SDK root that
 * {@code CLOUDSDK_ROOT_DIR} or the usual install folders name, then under the root
 * {@code gcloud info} reports.
 */
public final class FirestoreEmulator implements BeforeAllCallback, AutoCloseable {

    public static final String PROJECT = "foldline-test";
    private static final String JAR = "platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    private static FirestoreEmulator shared;
    private static Firestore sharedClient;

    private final Process process;
    private final String hostPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private FirestoreEmulator(Process process, String hostPort) {
        this.process = process;
        this.hostPort = hostPort;
    }

    /** Needed by the extension; tests use the static methods. */
    public FirestoreEmulator() {
        this.process = null;
        this.hostPort = null;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (FirestoreEmulator.class) {
            if (shared == null) {
                shared = start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(FirestoreEmulator.class.getName(), (AutoCloseable) FirestoreEmulator::stopShared);
                sharedClient = shared.client();
            }
            shared.reset();
        }
    }

    private static void stopShared() throws Exception {
        synchronized (FirestoreEmulator.class) {
            try {
                if (sharedClient != null) {
                    sharedClient.close();
                }
            } finally {
                shared.close();
                shared = null;
                sharedClient = null;
            }
        }
    }

    /** The emulator shared by the run's test classes (those extended with this class). */
    public static FirestoreEmulator shared() {
        if (shared == null) {
            throw new IllegalStateException("extend the test class with @ExtendWith(FirestoreEmulator.class)");
        }
        return shared;
    }

    /** The one client of the shared emulator. */
    public static Firestore sharedClient() {
        shared();
        return sharedClient;
    }

    /**
     * Starts an emulator of its own (the caller closes it), with extra emulator options such as
     * {@code --functions_emulator=HOST:PORT} (deliver document events there) or {@code --rules=FILE}.
     */
    public static FirestoreEmulator start(String... options) {
        Path jar = jar().orElse(null);
        if (jar == null) {
            String message = "the Cloud Firestore emulator is not installed: install the gcloud SDK component "
                    + "(Debian package google-cloud-cli-firestore-emulator) or set FIRESTORE_EMULATOR_JAR";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        // A port found free is not held until the emulator binds it: should something take it
        // meanwhile, the emulator exits, and another port is tried.
        IllegalStateException exited = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            FirestoreEmulator emulator = launch(jar, freePort(), options);
            try {
                emulator.awaitReady();
                return emulator;
            } catch (IllegalStateException e) {
                boolean stillRunning = emulator.process.isAlive();
                emulator.close();
                if (stillRunning) {
                    throw e;
                }
                exited = e;
            }
        }
        throw exited;
    }

    private static FirestoreEmulator launch(Path jar, int port, String... options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toString(), "com.google.cloud.datastore.emulator.firestore.CloudFirestore",
                "--host=127.0.0.1", "--port=" + port));
        command.addAll(List.of(options));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            FirestoreEmulator emulator = new FirestoreEmulator(process, "127.0.0.1:" + port);
            // Should the JVM end without the extension's cleanup (a crash, a kill), no emulator is left behind.
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("the Firestore emulator did not start", e);
        }
    }

    public String hostPort() {
        return hostPort;
    }

    /** A new client of this emulator; the interceptors see every RPC it sends. */
    public Firestore client(ClientInterceptor... interceptors) {
        return FirestoreOptions.newBuilder()
                .setProjectId(PROJECT)
                .setHost(hostPort)
                // The emulator's owner token, and not NoCredentials: with those the client library
                // builds its own channel and would bypass the interceptors.
                .setCredentialsProvider(FixedCredentialsProvider.create(new OwnerToken()))
                .setChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
                        .setEndpoint(hostPort)
                        .setChannelConfigurator(FirestoreEmulator::plaintext)
                        .setInterceptorProvider(() -> List.of(interceptors))
                        .build())
                .build()
                .getService();
    }

    @SuppressWarnings("rawtypes") // gax's channel configurator is declared on the raw builder type
    private static ManagedChannelBuilder plaintext(ManagedChannelBuilder builder) {
        return builder.usePlaintext();
    }

    /** The emulator's administrator token, sent over the plaintext channel. */
    private static final class OwnerToken extends Credentials {
        @Override
        public String getAuthenticationType() {
            return "OAuth2";
        }

        @Override
        public Map<String, List<String>> getRequestMetadata(URI uri) {
            return Map.of("Authorization", List.of("Bearer owner"));
        }

        @Override
        public boolean hasRequestMetadata() {
            return true;
        }

        @Override
        public boolean hasRequestMetadataOnly() {
            return true;
        }

        @Override
        public void refresh() {
        }
    }

    /**
     * Registers an eventarc trigger for "document created" on envelope documents: the emulator then
     * POSTs each such event to the functions host it was started with.
     */
    public void registerEnvelopeTrigger(String id) {
        send(HttpRequest.newBuilder(uri("/emulator/v1/projects/" + PROJECT + "/eventarcTrigger?eventarcTriggerId=" + id))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"eventType":"google.cloud.firestore.document.v1.created",
                         "database":"(default)","namespace":"(default)",
                         "document":{"value":"tenants/{tenant}/envelopes/{envelope}","matchType":"PATH_PATTERN"}}"""))
                .build());
    }

    /** Deletes every document of the test project. */
    public void reset() {
        send(HttpRequest.newBuilder(uri("/emulator/v1/projects/" + PROJECT + "/databases/(default)/documents"))
                .DELETE().build());
    }

    /** A request to the emulator's REST API; fails unless it answers 2xx. */
    public String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://" + hostPort + path.replace("(", "%28").replace(")", "%29"));
    }

    /** Stops the emulator and whatever it started. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls the HTTP port until the emulator answers, failing early if the process died. */
    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP);
        HttpRequest probe = HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Firestore emulator exited with " + process.exitValue());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                // A short pause between probes, not a guess at the start time: the loop ends on an answer.
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("the Firestore emulator did not answer within " + STARTUP);
    }

    static Optional<Path> jar() {
        List<String> roots = new ArrayList<>();
        String explicit = System.getenv("FIRESTORE_EMULATOR_JAR");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isRegularFile);
        }
        Optional.ofNullable(System.getenv("CLOUDSDK_ROOT_DIR")).ifPresent(roots::add);
        roots.addAll(List.of("/usr/lib/google-cloud-sdk", "/usr/share/google-cloud-sdk", "/opt/google-cloud-sdk",
                System.getProperty("user.home") + "/google-cloud-sdk"));
        for (String root : roots) {
            Path jar = Path.of(root).resolve(JAR);
            if (Files.isRegularFile(jar)) {
                return Optional.of(jar);
            }
        }
        return gcloudRoot().map(root -> root.resolve(JAR)).filter(Files::isRegularFile);
    }

    private static Optional<Path> gcloudRoot() {
        try {
            Process gcloud = new ProcessBuilder("gcloud", "info", "--format=value(installation.sdk_root)")
                    .redirectErrorStream(true).start();
            String out = new String(gcloud.getInputStream().readAllBytes()).trim();
            return gcloud.waitFor() == 0 && !out.isEmpty() ? Optional.of(Path.of(out)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
