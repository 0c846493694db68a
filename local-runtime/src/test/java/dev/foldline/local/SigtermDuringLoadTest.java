package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime as a real child process, sent SIGTERM while clients fire commands:
 * every command that was answered 200 must be in the store after a restart.
 */
class SigtermDuringLoadTest {

    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_SIGTERM = 60;

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_command_survives_a_sigterm_during_load() throws Exception {
        CommandLoad load = new CommandLoad(CLIENTS);
        try (ChildRuntime child = ChildRuntime.start(dataDir)) {
            CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_SIGTERM);
            CommandLoad.Running running = load.start(child.awaitListening(), enough, () -> !child.isAlive());

            assertThat(enough.await(120, TimeUnit.SECONDS)).as("commands acknowledged under load").isTrue();
            String output = child.terminate();
            running.stopAndCheck();
            assertThat(output).contains("Foldline local runtime stopped");
        }

        try (LocalRuntime restarted = RuntimeFixture.start(dataDir)) {
            load.assertAllStored(restarted.baseUri());
        }
        assertThat(load.acknowledgedCount()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_SIGTERM);
    }
}
