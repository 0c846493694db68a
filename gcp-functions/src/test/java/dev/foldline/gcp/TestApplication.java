package dev.foldline.gcp;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Application;
import dev.foldline.examples.Examples;
import dev.foldline.projection.EventHandler;
import java.util.List;

/** The examples' aggregates with the given handlers, as the functions under test serve them. */
public record TestApplication(List<EventHandler> handlers) implements Application {

    @Override
    public List<AggregateType<?>> aggregates() {
        return List.copyOf(Examples.registry().types());
    }
}
