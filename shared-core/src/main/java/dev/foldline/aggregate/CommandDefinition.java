package dev.foldline.aggregate;

import java.util.Objects;
import java.util.Set;

/**
 * A named command of an aggregate type.
 *
 * @param allowedRoles roles of which the actor needs one; empty allows every actor
 */
public record CommandDefinition<S>(String name, Set<String> allowedRoles, CommandBody<S> body) {

    public CommandDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        allowedRoles = Set.copyOf(allowedRoles);
    }
}
