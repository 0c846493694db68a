package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime as a real child process, sent SIGTERM while clients fire commands:
 * every command that was answered 200 must be in the store after a restart.
 */
class SigtermDuringLoadTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_SIGTERM = 60;

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_command_survives_a_sigterm_during_load() throws Exception {
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalRuntime.class.getName())
                .redirectErrorStream(true);
        command.environment().put("PORT", "0");
        command.environment().put("DATA_DIR", dataDir.toString());
        Process child = command.start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> readOutput(child, listening, output), "child-output");
        reader.start();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            URI base = listening.get(60, TimeUnit.SECONDS);
            ApiClient api = ApiClient.to(base);
            Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
            CountDownLatch enoughAcknowledged = new CountDownLatch(ACKNOWLEDGED_BEFORE_SIGTERM);
            AtomicBoolean serverGone = new AtomicBoolean(false);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String id = "load-" + c;
                running.add(clients.submit(() -> {
                    for (int n = 0; !serverGone.get(); n++) {
                        String key = id + "-" + n;
                        try {
                            ApiClient.Reply reply = api.command("AddNumbers",
                                    "{\"aggregateId\":\"" + id + "\",\"number1\":1,\"number2\":1}", "Idempotency-Key", key);
                            if (reply.status() == 200) {
                                acknowledged.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(key);
                                enoughAcknowledged.countDown();
                            } else {
                                // Only the shutdown's 503 may come back instead of a 200.
                                assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
                            }
                        } catch (UncheckedIOException refusedOrReset) {
                            // Not acknowledged, so the test claims nothing about this command.
                            if (!child.isAlive()) {
                                serverGone.set(true);
                            }
                        }
                    }
                    return null;
                }));
            }

            assertThat(enoughAcknowledged.await(120, TimeUnit.SECONDS)).as("commands acknowledged under load").isTrue();
            // SIGTERM. Through the handle, because Process.destroy() also closes our end of the
            // child's output, and the test wants to read the shutdown's last words.
            assertThat(child.toHandle().destroy()).isTrue();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exits after SIGTERM").isTrue();
            serverGone.set(true);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            reader.join(60_000); // the child's output ends with the process
            assertThat(output.toString()).as("exit " + child.exitValue()).contains("Foldline local runtime stopped");

            try (LocalRuntime restarted = RuntimeFixture.start(dataDir)) {
                ApiClient after = ApiClient.to(restarted.baseUri());
                int total = 0;
                for (Map.Entry<String, Set<String>> client : acknowledged.entrySet()) {
                    Set<String> stored = ConcurrentHashMap.newKeySet();
                    for (JsonElement envelope : after.get("/aggregates/numbers/" + client.getKey() + "/envelopes")
                            .json().getAsJsonArray("envelopes")) {
                        stored.add(envelope.getAsJsonObject().get("idempotencyKey").getAsString());
                    }
                    assertThat(stored).as("stored commands of " + client.getKey()).containsAll(client.getValue());
                    total += client.getValue().size();
                }
                assertThat(total).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_SIGTERM);
            }
        } finally {
            clients.shutdownNow();
            if (child.isAlive()) {
                child.destroyForcibly();
            }
            reader.join(10_000);
        }
    }

    private void readOutput(Process child, CompletableFuture<URI> listening, StringBuffer output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    listening.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (java.io.IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("the child exited before listening:\n" + output));
    }
}
