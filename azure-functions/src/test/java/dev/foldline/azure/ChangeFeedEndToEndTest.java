package dev.foldline.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.ChangeFeedProcessor;
import com.azure.cosmos.ChangeFeedProcessorBuilder;
import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.models.ChangeFeedProcessorOptions;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Application;
import dev.foldline.azure.cosmos.CosmosContainers;
import dev.foldline.azure.cosmos.CosmosEventStore;
import dev.foldline.azure.cosmos.CosmosStoreOptions;
import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Numbers;
import dev.foldline.model.Actor;
import dev.foldline.projection.EventHandler;
import dev.foldline.store.contract.CommandHandlingContract;
import dev.foldline.trace.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The change-feed function fed as the Functions host feeds it: a {@link ChangeFeedProcessor} with a
 * leases container reads the events container's real change feed from the imitation and hands each
 * batch to the function; when the function throws, the processor does not checkpoint and delivers
 * the batch again, as the host does under its retry policy. One handler fails on one aggregate
 * until it is fixed: the other aggregates go on, the redelivered envelopes are not applied twice,
 * and after the fix the failed aggregate catches up in version order.
 */
@ExtendWith(CosmosImitation.class)
class ChangeFeedEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ConcurrentLinkedQueue<String> logged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> flakyApplied = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean broken = new AtomicBoolean(true);
    private final Semaphore failures = new Semaphore(0);
    private final Semaphore progress = new Semaphore(0);

    /** "log" records every envelope it is given; "flaky" fails on aggregate "poisoned" while broken. */
    private final class TestApplication implements Application {
        @Override
        public List<AggregateType<?>> aggregates() {
            return List.of(Numbers.type());
        }

        @Override
        public List<EventHandler> handlers() {
            return List.of(
                    EventHandler.of("log", Map.of(Numbers.NUMBERS_ADDED, (envelope, event) -> {
                        logged.add(envelope.stream().aggregateId() + "@" + envelope.version());
                        progress.release();
                    })),
                    EventHandler.of("flaky", Map.of(Numbers.NUMBERS_ADDED, (envelope, event) -> {
                        if (broken.get() && envelope.stream().aggregateId().equals("poisoned")) {
                            failures.release();
                            throw new IllegalStateException("flaky handler is broken");
                        }
                        flakyApplied.add(envelope.stream().aggregateId() + "@" + envelope.version());
                        progress.release();
                    })));
        }
    }

    @Test
    void a_failing_handler_holds_only_its_aggregate_and_catches_up_in_order_after_redelivery() throws Exception {
        CosmosStoreOptions options = CosmosStoreOptions.defaults("feed-" + UUID.randomUUID());
        CosmosContainers.createIfMissing(CosmosImitation.client(), options);
        CosmosImitation.client().getDatabase(options.database()).createContainerIfNotExists(new CosmosContainerProperties("leases", "/id"));
        CosmosEventStore store = new CosmosEventStore(CosmosImitation.client(), options, Tracer.NOOP);
        AzureRuntime runtime = AzureRuntime.of(store, List.of(new TestApplication()), Map.of());
        ChangeFeedFunction function = new ChangeFeedFunction(runtime);

        CommandHandler commands = new CommandHandler(store, runtime.applications().registry());
        Actor actor = Actor.of("t-" + UUID.randomUUID(), "user1", "user");
        for (int round = 0; round < 3; round++) {
            for (String id : List.of("healthy-1", "poisoned", "healthy-2")) {
                commands.command(actor, "AddNumbers", CommandHandlingContract.add(id, round, 1));
            }
        }

        CosmosAsyncClient async = CosmosImitation.builder().contentResponseOnWriteEnabled(true).buildAsyncClient();
        ChangeFeedProcessor processor = new ChangeFeedProcessorBuilder()
                .hostName("test-host")
                .feedContainer(async.getDatabase(options.database()).getContainer(options.events()))
                .leaseContainer(async.getDatabase(options.database()).getContainer("leases"))
                .handleChanges((List<JsonNode> docs) -> function.project(docs.stream().map(JsonNode::toString).toList()))
                .options(new ChangeFeedProcessorOptions().setStartFromBeginning(true).setFeedPollDelay(Duration.ofMillis(50))
                        .setLeaseAcquireInterval(Duration.ofMillis(200)).setLeaseRenewInterval(Duration.ofMillis(500))
                        .setLeaseExpirationInterval(Duration.ofSeconds(2)))
                .buildChangeFeedProcessor();
        processor.start().block(PATIENCE);
        try {
            // Broken: the batch fails and comes again (more failures than one pass's attempts), while
            // every healthy envelope reaches both handlers.
            awaitUntil(() -> logged.size() == 9 && flakyApplied.size() == 6, progress);
            assertThat(failures.tryAcquire(4, PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("redeliveries").isTrue();
            assertThat(flakyApplied).doesNotContain("poisoned@0", "poisoned@1", "poisoned@2");

            broken.set(false);
            awaitUntil(() -> flakyApplied.size() == 9, progress);
            // One more envelope: once it is logged, the batch of the catch-up has been fully processed.
            commands.command(actor, "AddNumbers", CommandHandlingContract.add("healthy-1", 3, 1));
            awaitUntil(() -> logged.contains("healthy-1@3"), progress);
        } finally {
            processor.stop().block(PATIENCE);
            async.close();
        }

        assertThat(logged).containsExactlyInAnyOrder("healthy-1@0", "healthy-1@1", "healthy-1@2", "healthy-1@3", "poisoned@0", "poisoned@1",
                "poisoned@2", "healthy-2@0", "healthy-2@1", "healthy-2@2");
        assertThat(flakyApplied.stream().filter(e -> e.startsWith("poisoned@")).toList())
                .containsExactly("poisoned@0", "poisoned@1", "poisoned@2");
        assertThat(function.projector().parked(runtime.projectionScope(), actor.tenant())).isEmpty();
    }

    /** Waits, without sleeping, for handler progress until the condition holds. */
    private static void awaitUntil(java.util.function.BooleanSupplier condition, Semaphore progress) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !progress.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                throw new AssertionError("the change feed never got there");
            }
        }
    }
}
