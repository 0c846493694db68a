package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 and SIGTERM in turn, over and over, on one data folder while clients fire commands at a
 * child runtime: each restart recovers the database, and after the last one every command ever
 * answered 200 is stored.
 */
class KillLoopTest {

    private static final int ROUNDS = 6;
    private static final int CLIENTS = 4;
    private static final int ACKNOWLEDGED_PER_ROUND = 25;

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_command_survives_a_loop_of_kill_9_and_sigterm_under_load() throws Exception {
        CommandLoad load = new CommandLoad(CLIENTS);
        for (int round = 0; round < ROUNDS; round++) {
            try (ChildRuntime child = ChildRuntime.start(dataDir)) {
                CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_PER_ROUND);
                CommandLoad.Running running = load.start(child.awaitListening(), enough, () -> !child.isAlive());

                assertThat(enough.await(120, TimeUnit.SECONDS)).as("round " + round + " acknowledged commands").isTrue();
                if (round % 2 == 0) {
                    child.kill();
                } else {
                    assertThat(child.terminate()).contains("Foldline local runtime stopped");
                }
                running.stopAndCheck();
            }
        }

        try (LocalRuntime restarted = RuntimeFixture.start(dataDir)) {
            load.assertAllStored(restarted.baseUri());
        }
        assertThat(load.acknowledgedCount()).isGreaterThanOrEqualTo(ROUNDS * ACKNOWLEDGED_PER_ROUND);
    }
}
