package dev.foldline.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runtime as a real child process on a free port, started the way {@code scripts/run-local} starts it. */
final class ChildRuntime implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final Thread reader;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<URI> listening = new CompletableFuture<>();

    private ChildRuntime(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "child-output");
        reader.start();
    }

    static ChildRuntime start(Path dataDir) throws IOException {
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalRuntime.class.getName())
                .redirectErrorStream(true);
        command.environment().put("PORT", "0");
        command.environment().put("DATA_DIR", dataDir.toString());
        return new ChildRuntime(command.start());
    }

    /** The URL from the banner's "listening on" line. */
    URI awaitListening() throws Exception {
        return listening.get(60, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGTERM, and waits for the exit and the last words. Through the handle, because
     * Process.destroy() also closes our end of the child's output.
     */
    String terminate() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already on disk. */
    String kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        return awaitExit();
    }

    private String awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child did not exit:\n" + output);
        }
        reader.join(60_000); // the child's output ends with the process
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        reader.join(10_000);
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    listening.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("the child exited before listening:\n" + output));
    }
}
