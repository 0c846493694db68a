package dev.foldline.store.contract;

import static dev.foldline.store.contract.CommandHandlingContract.add;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.app.RebuildCommand;
import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Examples;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.model.Actor;
import dev.foldline.projection.Projector;
import dev.foldline.store.EventStore;
import dev.foldline.store.Page;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * What each cloud's rebuild command must do on its real store: rebuild the examples' durable
 * counter in one tenant, in steps, to exactly what the live feed had counted, and refuse bad
 * arguments with the usage. The cloud's test runs its own {@code RebuildMain} through this.
 */
public final class RebuildCommandScenario {

    /** Runs the command with the arguments, printing to the stream; returns its exit code. */
    public interface Command extends BiFunction<List<String>, PrintStream, Integer> {
    }

    private RebuildCommandScenario() {
    }

    /**
     * @param examples the examples application the command's runtime serves, wired to {@code store}
     * @param scope    the runtime's projection scope
     */
    public static void rebuildsTheCounter(EventStore store, ExamplesApplication examples, String scope, Command command) {
        String tenant = "t-" + UUID.randomUUID();
        Actor actor = Actor.of(tenant, "user1");
        CommandHandler commands = new CommandHandler(store, Examples.registry());
        for (int i = 0; i < 3; i++) {
            commands.command(actor, "AddNumbers", add("a", i, 1));
        }
        commands.command(actor, "AddNumbers", add("b", 1, 1));
        Page history = store.readAll(tenant, null, 100);
        new Projector(store).project(scope, history.envelopes(), examples.handlers());
        Map<String, Integer> live = examples.counts(tenant);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = command.apply(List.of(ExamplesApplication.COUNTER, "--tenant", tenant, "--page-size", "2",
                "--pages-per-step", "1"), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(RebuildCommand.DONE);
        assertThat(output.lines().count()).as(output).isGreaterThan(1);
        assertThat(output.lines().reduce((first, last) -> last).orElseThrow()).contains("\"stage\":\"done\"")
                .contains("\"read\":4");
        assertThat(live).isEqualTo(Map.of("a", 3, "b", 1));
        assertThat(examples.counts(tenant)).isEqualTo(live);
    }

    public static void refusesBadArguments(Command command) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = command.apply(List.of(ExamplesApplication.COUNTER, "--tenant"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(RebuildCommand.USAGE_ERROR);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--tenant needs a value")
                .contains(RebuildCommand.USAGE).contains("handlers: " + ExamplesApplication.COUNTER);
    }
}
