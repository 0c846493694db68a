package dev.foldline.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Application;
import dev.foldline.azure.cosmos.CosmosContainers;
import dev.foldline.azure.cosmos.CosmosEventStore;
import dev.foldline.azure.cosmos.CosmosStoreOptions;
import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Numbers;
import dev.foldline.model.Actor;
import dev.foldline.projection.EventHandler;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.store.contract.CommandHandlingContract;
import dev.foldline.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batch whose handler failed makes the change-feed function throw (so the host redelivers it);
 * once the host gives up, the timer's sweep recovers the parked aggregate after the handler is fixed.
 */
@ExtendWith(CosmosImitation.class)
class ParkedRetryFunctionTest {

    @Test
    void the_sweep_applies_what_a_failed_batch_left_parked_once_the_handler_works() {
        AtomicBoolean broken = new AtomicBoolean(true);
        List<String> applied = new ArrayList<>();
        Application application = new Application() {
            @Override
            public List<AggregateType<?>> aggregates() {
                return List.of(Numbers.type());
            }

            @Override
            public List<EventHandler> handlers() {
                return List.of(EventHandler.of("fragile", Map.of(Numbers.NUMBERS_ADDED, (envelope, event) -> {
                    if (broken.get()) {
                        throw new IllegalStateException("down");
                    }
                    applied.add(envelope.stream().aggregateId() + "@" + envelope.version());
                })));
            }
        };
        CosmosStoreOptions options = CosmosStoreOptions.defaults("parked-" + UUID.randomUUID());
        CosmosContainers.createIfMissing(CosmosImitation.client(), options);
        AzureRuntime runtime = AzureRuntime.of(new CosmosEventStore(CosmosImitation.client(), options, Tracer.NOOP),
                List.of(application), Map.of());
        EventsFeed feed = new EventsFeed(CosmosImitation.client().getDatabase(options.database()).getContainer(options.events()));
        Actor actor = Actor.of("t-" + UUID.randomUUID(), "user1", "user");
        CommandHandler commands = new CommandHandler(runtime.store(), runtime.applications().registry());
        commands.command(actor, "AddNumbers", CommandHandlingContract.add("a", 1, 2));
        commands.command(actor, "AddNumbers", CommandHandlingContract.add("a", 3, 4));

        List<String> batch = feed.readNew();
        assertThatThrownBy(() -> new ChangeFeedFunction(runtime).project(batch))
                .isInstanceOfSatisfying(ChangeFeedFunction.RedeliveryNeeded.class,
                        e -> assertThat(e.report().failures()).singleElement()
                                .satisfies(f -> assertThat(f.version()).isZero()));

        ParkedRetryFunction sweep = new ParkedRetryFunction(runtime);
        assertThat(sweep.sweep().failures()).hasSize(1);
        broken.set(false);
        ProjectionReport report = sweep.sweep();

        assertThat(report.applied()).isEqualTo(2);
        assertThat(report.failures()).isEmpty();
        assertThat(applied).containsExactly("a@0", "a@1");
    }
}
