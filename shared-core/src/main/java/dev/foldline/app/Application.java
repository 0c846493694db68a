package dev.foldline.app;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.projection.EventHandler;
import java.util.List;

/**
 * What a user's code contributes to a runtime: aggregate types, event handlers and the views that
 * expose handler state. Runtimes find implementations with {@link java.util.ServiceLoader}, so an
 * application is registered by listing its class in
 * {@code META-INF/services/dev.foldline.app.Application} and putting its jar on the class path;
 * no framework code is edited. Implementations need a public no-argument constructor.
 */
public interface Application {

    List<AggregateType<?>> aggregates();

    default List<EventHandler> handlers() {
        return List.of();
    }

    default List<ProjectionView> views() {
        return List.of();
    }
}
