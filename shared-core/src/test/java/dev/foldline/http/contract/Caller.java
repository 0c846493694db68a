package dev.foldline.http.contract;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who sends a request, as the contract suite means it. The adapter under test presents it the way
 * its platform does: development headers on the local runtime, verified JWT claims on API Gateway.
 */
public record Caller(String tenant, String actorId, Set<String> roles) {

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actorId, "actorId");
        roles = Set.copyOf(roles);
    }

    /** A caller in a tenant of its own, so that a test sees nothing of any other test. */
    public static Caller inFreshTenant(String... roles) {
        return new Caller("t-" + UUID.randomUUID().toString().substring(0, 13), "user1", Set.of(roles));
    }

    public Caller withRoles(String... newRoles) {
        return new Caller(tenant, actorId, Set.of(newRoles));
    }

    /** The same actor id and roles in another tenant. */
    public Caller inTenant(String otherTenant) {
        return new Caller(otherTenant, actorId, roles);
    }
}
