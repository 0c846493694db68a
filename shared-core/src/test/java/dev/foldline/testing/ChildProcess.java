package dev.foldline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a process to its end with a time limit: a hung child fails the test instead of hanging the build. */
public record ChildProcess(int exitCode, String output) {

    /** Starts the process (stderr merged into stdout) and waits; a child still running at the limit is killed. */
    public static ChildProcess run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
        Path output = Files.createTempFile("foldline-child-", ".log");
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(finished).as(builder.command() + " finished within " + limit + "; output:\n" + text).isTrue();
            return new ChildProcess(process.exitValue(), text);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
