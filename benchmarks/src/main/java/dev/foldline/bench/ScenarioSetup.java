package dev.foldline.bench;

import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Examples;
import dev.foldline.examples.Numbers;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.store.EventStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario builds its workload from: command handlers on the counted store, aggregates
 * that already exist, and the one command every scenario sends ({@code AddNumbers} of the example
 * application). Aggregate ids start with a prefix unique to the run, so warm-up and measured runs
 * never touch each other's aggregates.
 */
public final class ScenarioSetup {

    static final String TENANT = "bench";
    static final String COMMAND = "AddNumbers";

    private static final Actor ACTOR = Actor.of(TENANT, "bench-user");

    private final EventStore store;
    private final int threads;
    private final String idPrefix;

    public ScenarioSetup(EventStore store, int threads, String idPrefix) {
        this.store = store;
        this.threads = threads;
        this.idPrefix = idPrefix;
    }

    public int threads() {
        return threads;
    }

    /** A handler with the production defaults (cache on, 10 retries on conflict). */
    public CommandHandler handler() {
        return new CommandHandler(store, Examples.registry());
    }

    /** A handler that caches nothing, so every command on an existing aggregate loads it first. */
    public CommandHandler uncachedHandler() {
        return new CommandHandler(store, Examples.registry(), CommandHandler.Options.defaults().withCacheSize(0));
    }

    /** Creates {@code count} aggregates with one command each, through {@code handler} (so it caches them). */
    public List<String> existingAggregates(CommandHandler handler, String label, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = idPrefix + "-" + label + "-" + i;
            add(handler, id);
            ids.add(id);
        }
        return ids;
    }

    /** Brings an aggregate another handler created into {@code handler}'s cache. */
    public void cache(CommandHandler handler, String aggregateId) {
        handler.load(TENANT, Numbers.NAME, aggregateId);
    }

    public void add(CommandHandler handler, String aggregateId) {
        handler.command(ACTOR, COMMAND, numbers().with(CommandHandler.AGGREGATE_ID, aggregateId));
    }

    /** No aggregateId: the handler generates one and appends without reading. */
    public void addToNewAggregate(CommandHandler handler) {
        handler.command(ACTOR, COMMAND, numbers());
    }

    private static Payload numbers() {
        return Payload.empty().with("number1", 1).with("number2", 2);
    }
}
