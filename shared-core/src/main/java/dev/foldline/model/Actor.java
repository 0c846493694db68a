package dev.foldline.model;

import dev.foldline.errors.MissingArgument;
import java.util.Map;
import java.util.Set;

/**
 * Who issues a command: always from verified identity, never from a request body.
 *
 * @param tenant the tenant every read and write of the actor is confined to
 * @param id     the actor's id
 * @param roles  the roles the actor holds
 * @param claims further identity claims, kept for auditing
 */
public record Actor(String tenant, String id, Set<String> roles, Map<String, String> claims) {

    public Actor {
        if (tenant == null || tenant.isBlank()) {
            throw new MissingArgument("tenant");
        }
        if (id == null || id.isBlank()) {
            throw new MissingArgument("id");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    public static Actor of(String tenant, String id, String... roles) {
        return new Actor(tenant, id, Set.of(roles), Map.of());
    }

    public boolean hasAnyRole(Set<String> required) {
        return required.isEmpty() || required.stream().anyMatch(roles::contains);
    }
}
