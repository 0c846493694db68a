package dev.foldline.app;

import java.util.Objects;
import java.util.function.Function;

/**
 * A read-only window on a projection's state, served at {@code GET /projections/{name}}. The
 * state is asked for per tenant so that a caller never sees another tenant's data.
 *
 * @param stateOfTenant the state for a tenant as any value the JSON codec can write
 */
public record ProjectionView(String name, Function<String, Object> stateOfTenant) {

    public ProjectionView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stateOfTenant, "stateOfTenant");
    }
}
