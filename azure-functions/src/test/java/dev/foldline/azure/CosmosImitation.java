package dev.foldline.azure;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Cosmos imitation (src/test/cosmos-emulator: {@code @vercel/cosmosdb-server} behind the
 * project's compatibility layer, see the module README) as a Node process on a free port, shared by
 * every test class of the run and stopped, with its children, when the run ends. Its npm packages
 * are installed with {@code npm ci} from the committed lock file the first time, and again whenever
 * the lock file changes. Without Node the tests skip, loudly, except under {@code CI=true}, where
 * they fail.
 */
public final class CosmosImitation implements BeforeAllCallback {

    /** The imitation ignores the key; this is the well-known key of Microsoft's emulator. */
    public static final String KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static final Path HOME = Path.of("src", "test", "cosmos-emulator").toAbsolutePath();

    private static Server server;
    private static CosmosClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start(context);
    }

    private static synchronized void start(ExtensionContext context) throws Exception {
        if (server != null) {
            return;
        }
        server = launch(HOME, Path.of("target").toAbsolutePath());
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(CosmosImitation.class.getName(), new Stopper());
    }

    /** A running imitation; closing it stops the process tree. */
    public record Server(Process process, URI endpoint) implements AutoCloseable {
        @Override
        public void close() {
            stop(process);
        }
    }

    /**
     * Starts an imitation of its own on a free port (the benchmarks use it outside JUnit): the
     * module's {@code src/test/cosmos-emulator} folder as {@code home}, logs in {@code logFolder}.
     */
    public static Server launch(Path home, Path logFolder) throws Exception {
        requireNode();
        installPackages(home, logFolder);
        Path log = logFolder.resolve("cosmos-imitation.log");
        Files.createDirectories(logFolder);
        Process started = new ProcessBuilder("node", "imitation.js", "--port", "0")
                .directory(home.toFile())
                .redirectError(log.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("Ready on ")) {
            stop(started);
            throw new IllegalStateException("the Cosmos imitation did not start (" + ready + "); see " + log);
        }
        return new Server(started, URI.create(ready.substring("Ready on ".length()).trim() + "/"));
    }

    /** Stops the process tree when the root context closes, i.e. after the last test class. */
    private static final class Stopper implements AutoCloseable {
        @Override
        public void close() {
            synchronized (CosmosImitation.class) {
                if (client != null) {
                    client.close();
                    client = null;
                }
                if (server != null) {
                    server.close();
                    server = null;
                }
            }
        }
    }

    private static void stop(Process stopped) {
        stopped.descendants().forEach(ProcessHandle::destroy);
        stopped.destroy();
        try {
            if (!stopped.waitFor(10, TimeUnit.SECONDS)) {
                stopped.descendants().forEach(ProcessHandle::destroyForcibly);
                stopped.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(CosmosImitation.class)");
        }
        return server.endpoint();
    }

    /** The run's one client, as in production: gateway mode, built once. */
    public static synchronized CosmosClient client() {
        if (client == null) {
            client = builder().buildClient();
        }
        return client;
    }

    public static CosmosClientBuilder builder() {
        return builder(endpoint());
    }

    /** Gateway mode, session consistency, as the functions' client. */
    public static CosmosClientBuilder builder(URI endpoint) {
        return new CosmosClientBuilder()
                .endpoint(endpoint.toString())
                .key(KEY)
                .gatewayMode()
                .consistencyLevel(ConsistencyLevel.SESSION);
    }

    /** Makes the next {@code requests} document requests answer 429 with the given retry-after. */
    public static void throttle(int requests, long retryAfterMillis) {
        call("POST", "_imitation/throttle", "{\"requests\":" + requests + ",\"retryAfterMs\":" + retryAfterMillis + "}");
    }

    /** Makes the next {@code requests} document writes commit, then answer {@code status} (a lost answer). */
    public static void loseAnswers(int requests, int status) {
        call("POST", "_imitation/lose-answer", "{\"requests\":" + requests + ",\"status\":" + status + "}");
    }

    /** The operations the imitation received since the last call (e.g. "create", "query", "read"). */
    public static List<String> takeRequests() {
        String json = call("DELETE", "_imitation/requests", null);
        return JsonParser.parseString(json).getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
    }

    private static String call(String method, String path, String body) {
        try {
            HttpsURLConnection connection = (HttpsURLConnection) endpoint().resolve(path).toURL().openConnection();
            connection.setSSLSocketFactory(trustingEveryone().getSocketFactory());
            connection.setHostnameVerifier((host, session) -> true);
            connection.setRequestMethod(method);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(10_000);
            if (body != null) {
                connection.setDoOutput(true);
                connection.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            }
            if (connection.getResponseCode() != 200) {
                throw new IllegalStateException(path + " answered " + connection.getResponseCode());
            }
            try (var in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireNode() {
        if (commandWorks("node", "--version") && commandWorks("npm", "--version")) {
            return;
        }
        String message = "Node.js 18+ and npm are needed for the Cosmos imitation (apt-get install nodejs npm)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; under CI=true this fails instead of skipping");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    /** {@code npm ci} unless node_modules was installed from this very lock file. */
    private static void installPackages(Path home, Path logFolder) throws Exception {
        Path installedMark = home.resolve("node_modules").resolve(".foldline-lock-sha256");
        String lock = sha256(Files.readAllBytes(home.resolve("package-lock.json")));
        if (Files.isRegularFile(installedMark) && Files.readString(installedMark).equals(lock)) {
            return;
        }
        Path log = logFolder.resolve("npm-ci.log");
        Files.createDirectories(logFolder);
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed for the Cosmos imitation; see " + log);
        }
        Files.writeString(installedMark, lock);
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The imitation's certificate is self-signed (and expired); only this test helper trusts it. */
    private static SSLContext trustingEveryone() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
