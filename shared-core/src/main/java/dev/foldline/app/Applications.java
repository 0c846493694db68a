package dev.foldline.app;

import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.projection.EventHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the applications registered, merged (see {@link Assembly} for how a runtime gets
 * them). Duplicate names (an aggregate type, a command, a handler or a view declared twice) fail
 * at startup, never at the first request.
 *
 * @param storedHandlers the names of the handlers whose state lives in the store (those of
 *                       {@link StoreAware} applications): their projection progress must be
 *                       durable too, while handlers with state in memory are rebuilt by replay
 */
public record Applications(AggregateRegistry registry, List<EventHandler> handlers, List<ProjectionView> views,
                           Set<String> storedHandlers) {

    public Applications {
        handlers = List.copyOf(handlers);
        views = List.copyOf(views);
        storedHandlers = Set.copyOf(storedHandlers);
        requireUnique(handlers.stream().map(EventHandler::name).toList(), "event handler");
        requireUnique(views.stream().map(ProjectionView::name).toList(), "projection view");
    }

    public static Applications of(List<? extends Application> applications) {
        List<AggregateType<?>> aggregates = new ArrayList<>();
        List<EventHandler> handlers = new ArrayList<>();
        List<ProjectionView> views = new ArrayList<>();
        Set<String> stored = new HashSet<>();
        for (Application application : applications) {
            aggregates.addAll(application.aggregates());
            List<EventHandler> own = application.handlers();
            handlers.addAll(own);
            if (application instanceof StoreAware) {
                own.forEach(handler -> stored.add(handler.name()));
            }
            views.addAll(application.views());
        }
        if (aggregates.isEmpty()) {
            throw new IllegalStateException("no application registers an aggregate type: list one in "
                    + "META-INF/services/" + Application.class.getName());
        }
        AggregateRegistry registry = new AggregateRegistry(aggregates);
        // Every handler sees events upcast to their current shapes, whichever runtime projects them.
        List<EventHandler> seeingCurrentShapes = handlers.stream()
                .map(handler -> EventHandler.seeing(registry::inCurrentShapes, handler)).toList();
        return new Applications(registry, seeingCurrentShapes, views, stored);
    }

    /** The handlers whose state lives in the store ({@code stored}) or in memory ({@code !stored}). */
    public List<EventHandler> handlers(boolean stored) {
        return handlers.stream().filter(handler -> storedHandlers.contains(handler.name()) == stored).toList();
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalStateException(what + " " + name + " is registered twice");
            }
        }
    }
}
