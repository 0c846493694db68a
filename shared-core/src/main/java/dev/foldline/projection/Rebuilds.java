package dev.foldline.projection;

import dev.foldline.errors.NotFound;
import dev.foldline.store.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The handlers a runtime can rebuild, by name, each with the projector its live feed applies it
 * with (so that the rebuild keeps progress where the live feed does, under the feed's scope): what
 * the local endpoint and each cloud's rebuild command run.
 */
public final class Rebuilds {

    /** A handler and the projector of its live feed. */
    public record Target(EventHandler handler, Projector projector) {

        public Target {
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(projector, "projector");
        }
    }

    private final EventStore store;
    private final String scope;
    private final Map<String, Target> targets;
    private final Object lock;
    private final Duration grace;
    private final Clock clock;

    private Rebuilds(EventStore store, String scope, Map<String, Target> targets, Object lock, Duration grace,
                     Clock clock) {
        this.store = store;
        this.scope = ProjectionCheckpoints.requireSegment(scope, "scope");
        this.targets = targets;
        this.lock = lock;
        this.grace = grace;
        this.clock = clock;
    }

    public static Rebuilds of(EventStore store, String scope, List<Target> targets) {
        Map<String, Target> byName = new LinkedHashMap<>();
        targets.forEach(target -> byName.put(target.handler().name(), target));
        return new Rebuilds(store, scope, Map.copyOf(byName), new Object(), Duration.ZERO, Clock.systemUTC());
    }

    /** Every handler applied by one projector: a cloud's change-feed function. */
    public static Rebuilds of(EventStore store, String scope, Projector projector, List<EventHandler> handlers) {
        return of(store, scope, handlers.stream().map(handler -> new Target(handler, projector)).toList());
    }

    /**
     * The same rebuilds, each step run holding {@code lock}: the local runtime's projection lock,
     * so that a step never runs while a commit is being projected.
     */
    public Rebuilds serialisedWith(Object newLock) {
        return new Rebuilds(store, scope, targets, Objects.requireNonNull(newLock, "lock"), grace, clock);
    }

    /**
     * The same rebuilds, resetting a handler only {@code newGrace} after marking it: the longest a
     * live delivery may run (see {@link ProjectionRebuild#ProjectionRebuild(EventStore, Projector,
     * Duration, Clock)}); none by default.
     */
    public Rebuilds withGrace(Duration newGrace, Clock newClock) {
        return new Rebuilds(store, scope, targets, lock, Objects.requireNonNull(newGrace, "grace"),
                Objects.requireNonNull(newClock, "clock"));
    }

    public Set<String> handlers() {
        return targets.keySet();
    }

    public String scope() {
        return scope;
    }

    /** One step of the handler's rebuild in the tenant; see {@link ProjectionRebuild#run}. */
    public RebuildProgress inTenant(String handler, String tenant, int pageSize, int maxPages) {
        Target target = target(handler);
        return serialised(() -> new ProjectionRebuild(store, target.projector(), grace, clock)
                .run(scope, target.handler(), tenant, pageSize, maxPages));
    }

    /** One step of the handler's rebuild in every tenant; see {@link AllTenantsRebuild#run}. */
    public AllTenantsRebuild.Progress inAllTenants(String handler, int pageSize, int maxPages) {
        Target target = target(handler);
        return serialised(() -> new AllTenantsRebuild(store, target.projector(), grace, clock, store::tenants)
                .run(scope, target.handler(), pageSize, maxPages));
    }

    private Target target(String handler) {
        Target target = targets.get(handler);
        if (target == null) {
            throw new NotFound("handler", "no event handler " + handler);
        }
        return target;
    }

    private <T> T serialised(Supplier<T> step) {
        synchronized (lock) {
            return step.get();
        }
    }
}
