package dev.foldline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.examples.ExamplesApplication;
import dev.foldline.projection.Projector;
import dev.foldline.projection.Rebuilds;
import dev.foldline.store.MemoryEventStore;
import dev.foldline.store.contract.MutableClock;
import dev.foldline.store.contract.RebuildCommandScenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's rebuild command line, on the in-memory store. */
class RebuildCommandTest {

    private final MemoryEventStore store = new MemoryEventStore();
    private final ExamplesApplication examples = new ExamplesApplication();
    private final Rebuilds rebuilds;

    RebuildCommandTest() {
        Applications applications = Assembly.of(store, List.of(examples));
        rebuilds = Rebuilds.of(store, "trigger", new Projector(store), applications.handlers());
    }

    private String run(int expectedExit, String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = RebuildCommand.run(List.of(args), rebuilds, new PrintStream(printed, true, StandardCharsets.UTF_8),
                millis -> {
                    throw new AssertionError("no grace period to wait for");
                });
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(expectedExit);
        return output;
    }

    @Test
    void it_rebuilds_the_counter_in_steps_to_what_the_live_feed_counted() {
        RebuildCommandScenario.rebuildsTheCounter(store, examples, "trigger",
                (args, out) -> RebuildCommand.run(args, rebuilds, out, millis -> {
                    throw new AssertionError("no grace period to wait for");
                }));
    }

    @Test
    void with_a_grace_period_it_waits_it_out_once_then_rebuilds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Rebuilds graceful = rebuilds.withGrace(Duration.ofMinutes(5), clock);
        List<Long> waits = new ArrayList<>();

        RebuildCommandScenario.rebuildsTheCounter(store, examples, "trigger",
                (args, out) -> RebuildCommand.run(args, graceful, out, millis -> {
                    waits.add(millis);
                    clock.advance(Duration.ofMillis(millis));
                }));

        assertThat(waits).containsExactly(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void every_tenant_is_rebuilt_with_all_tenants() {
        assertThat(run(RebuildCommand.DONE, "counter", "--all-tenants")).contains("\"stage\":\"done\"");
    }

    @Test
    void arguments_it_cannot_follow_print_why_and_the_usage() {
        assertThat(run(RebuildCommand.USAGE_ERROR)).contains("name the handler to rebuild first");
        assertThat(run(RebuildCommand.USAGE_ERROR, "counter")).contains("give either --tenant TENANT or --all-tenants");
        assertThat(run(RebuildCommand.USAGE_ERROR, "counter", "--tenant", "t1", "--all-tenants"))
                .contains("give either --tenant TENANT or --all-tenants");
        assertThat(run(RebuildCommand.USAGE_ERROR, "counter", "--tenant", "t1", "--page-size", "0"))
                .contains("--page-size must be a whole number of at least 1, not 0");
        assertThat(run(RebuildCommand.USAGE_ERROR, "counter", "--tenant", "t1", "--pages")).contains("unknown option --pages");
        assertThat(run(RebuildCommand.USAGE_ERROR, "nobody", "--tenant", "t1")).contains("no event handler nobody");
    }
}
