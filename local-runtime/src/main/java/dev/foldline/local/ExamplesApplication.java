package dev.foldline.local;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Application;
import dev.foldline.app.ProjectionView;
import dev.foldline.examples.EventCounter;
import dev.foldline.examples.Examples;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.projection.EventHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The examples the runtime starts with: the {@code numbers} and {@code calculator} aggregates and
 * the original's {@code EventCounter}, one counter per tenant so that {@code GET /projections/counter}
 * shows a caller its own tenant's counts only. Registered through ServiceLoader like any user
 * application; {@code FOLDLINE_EXAMPLES=off} leaves it out.
 */
public final class ExamplesApplication implements Application {

    public static final String COUNTER = "counter";

    private final Map<String, EventCounter> counters = new ConcurrentHashMap<>();

    @Override
    public List<AggregateType<?>> aggregates() {
        return List.copyOf(Examples.registry().types());
    }

    @Override
    public List<EventHandler> handlers() {
        Map<String, EventHandler.Reaction> reactions = new LinkedHashMap<>();
        for (String event : new EventCounter(COUNTER).reactions().keySet()) {
            reactions.put(event, this::countInTenant);
        }
        return List.of(EventHandler.of(COUNTER, reactions));
    }

    @Override
    public List<ProjectionView> views() {
        return List.of(new ProjectionView(COUNTER, tenant -> Map.of("events", counter(tenant).counts())));
    }

    private void countInTenant(Envelope envelope, Event event) throws Exception {
        EventCounter counter = counter(envelope.tenant());
        counter.reactions().get(event.name()).handle(envelope, event);
    }

    private EventCounter counter(String tenant) {
        return counters.computeIfAbsent(tenant, t -> new EventCounter(COUNTER));
    }
}
