package dev.foldline.app;

import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.projection.EventHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Everything the applications on the class path registered, merged. Duplicate names (an aggregate
 * type, a command, a handler or a view declared twice) fail at startup, never at the first request.
 */
public record Applications(AggregateRegistry registry, List<EventHandler> handlers, List<ProjectionView> views) {

    public Applications {
        handlers = List.copyOf(handlers);
        views = List.copyOf(views);
        requireUnique(handlers.stream().map(EventHandler::name).toList(), "event handler");
        requireUnique(views.stream().map(ProjectionView::name).toList(), "projection view");
    }

    /** The applications listed under {@code META-INF/services/dev.foldline.app.Application}. */
    public static Applications discover(ClassLoader classLoader) {
        List<Application> found = new ArrayList<>();
        ServiceLoader.load(Application.class, classLoader).forEach(found::add);
        return of(found);
    }

    public static Applications of(List<? extends Application> applications) {
        List<AggregateType<?>> aggregates = new ArrayList<>();
        List<EventHandler> handlers = new ArrayList<>();
        List<ProjectionView> views = new ArrayList<>();
        for (Application application : applications) {
            aggregates.addAll(application.aggregates());
            handlers.addAll(application.handlers());
            views.addAll(application.views());
        }
        if (aggregates.isEmpty()) {
            throw new IllegalStateException("no application registers an aggregate type: list one in "
                    + "META-INF/services/" + Application.class.getName());
        }
        return new Applications(new AggregateRegistry(aggregates), handlers, views);
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
