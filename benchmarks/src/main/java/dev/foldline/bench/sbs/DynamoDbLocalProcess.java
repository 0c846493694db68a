package dev.foldline.bench.sbs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * DynamoDB Local 2.6.1 in a JVM of its own, in memory, on a free port, without telemetry: the one
 * server both sides of the side-by-side run talk to. Neither driver shares a JVM with it, so its
 * garbage collection and JIT compile threads weigh on both alike, and neither side's JIT warm-up
 * warms the server for it.
 */
public final class DynamoDbLocalProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final URI endpoint;

    private DynamoDbLocalProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts the server with this JVM's java and class path (which holds DynamoDB Local). */
    public static DynamoDbLocalProcess start(Path logFile) throws IOException {
        // A port found free is not held until the server binds it: should something take it
        // meanwhile, the server exits, and another port is tried.
        IllegalStateException exited = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            DynamoDbLocalProcess server = launch(freePort(), logFile);
            try {
                server.awaitListening(logFile);
                return server;
            } catch (ExitedBeforeListening e) {
                exited = e;
            }
        }
        throw exited;
    }

    private static DynamoDbLocalProcess launch(int port, Path logFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(JavaCommand.java(), "-cp", JavaCommand.classPath(),
                "com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
                "-inMemory", "-port", Integer.toString(port), "-disableTelemetry"))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        return new DynamoDbLocalProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
    }

    public URI endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    /** Polls until the port accepts connections: readiness, not a timing assumption. */
    private void awaitListening(Path logFile) {
        int port = endpoint.getPort();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ExitedBeforeListening("DynamoDB Local exited with " + process.exitValue() + "; see " + logFile);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            }
        }
        close();
        throw new IllegalStateException("DynamoDB Local did not listen on " + port + " within " + START_TIMEOUT
                + "; see " + logFile);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class ExitedBeforeListening extends IllegalStateException {
        ExitedBeforeListening(String message) {
            super(message);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
