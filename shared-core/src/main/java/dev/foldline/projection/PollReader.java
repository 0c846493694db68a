package dev.foldline.projection;

import com.google.gson.JsonObject;
import dev.foldline.json.Json;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.store.Page;
import dev.foldline.trace.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pulls a tenant's envelopes for environments without change-feed triggers. Each thread holds a
 * lease while it polls, and each (thread, handler) has its own cursor, so the same handler polled
 * on two threads sees every event twice.
 *
 * <p>Unlike a bare cursor, nothing is ever skipped: the store's positions never pass an envelope
 * that commits late, envelopes read again are recognised by the projector's per-stream versions,
 * and a failing handler is parked on its stream and retried at the start of every poll.
 */
public final class PollReader {

    private final EventStore store;
    private final Projector projector;
    private final Clock clock;
    private final Tracer tracer;

    public PollReader(EventStore store, Projector projector) {
        this(store, projector, Clock.systemUTC(), Tracer.NOOP);
    }

    public PollReader(EventStore store, Projector projector, Clock clock, Tracer tracer) {
        this.store = store;
        this.projector = projector;
        this.clock = clock;
        this.tracer = tracer;
    }

    public PollResult poll(String tenant, String thread, List<EventHandler> handlers, int limit, Duration leaseTimeout) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        ProjectionCheckpoints.requireSegment(thread, "thread");
        handlers.forEach(handler -> ProjectionCheckpoints.requireSegment(handler.name(), "handler name"));
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            Optional<Lease> lease = Lease.acquire(store.checkpoints(), tenant, thread, clock.millis(),
                    leaseTimeout.toMillis());
            if (lease.isEmpty()) {
                return PollResult.notLeased();
            }
            try {
                return pollLeased(tenant, thread, handlers, limit);
            } finally {
                lease.get().release();
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            tracer.trace(new Tracer.Span(Tracer.Operation.POLL, tenant, thread, handlers.size() + " handlers",
                    System.nanoTime() - started, failure));
        }
    }

    private PollResult pollLeased(String tenant, String thread, List<EventHandler> handlers, int limit) {
        String scope = "poll:" + thread;
        List<HandlerFailure> failures = new ArrayList<>(projector.retryParked(scope, tenant, handlers).failures());
        int read = 0;
        int handled = 0;
        boolean more = false;
        CheckpointStore checkpoints = store.checkpoints();
        for (EventHandler handler : handlers) {
            String cursorKey = "cursor/" + thread + "/" + handler.name();
            Optional<Checkpoint> cursor = checkpoints.read(tenant, cursorKey);
            Page page = store.readAll(tenant, cursor.map(Checkpoint::value).orElse(null), limit);
            ProjectionReport report = projector.project(scope, page.envelopes(), List.of(handler));
            read += page.envelopes().size();
            handled += report.applied();
            failures.addAll(report.failures());
            more |= page.more();
            // Failures are parked, so the cursor may move on: parked streams are retried above.
            checkpoints.write(tenant, cursorKey, page.nextPosition(),
                    cursor.map(Checkpoint::revision).orElse(Checkpoint.ABSENT));
        }
        return new PollResult(true, read, handled, more, failures);
    }

    /** A thread's lease: a checkpoint naming its owner and expiry, taken and released by CAS. */
    private record Lease(CheckpointStore checkpoints, String tenant, String key, long revision) {

        static Optional<Lease> acquire(CheckpointStore checkpoints, String tenant, String thread, long now,
                                       long timeoutMillis) {
            String key = "lease/" + thread;
            Optional<Checkpoint> current = checkpoints.read(tenant, key);
            if (current.isPresent()) {
                long until = Json.parseObject(current.get().value()).get("until").getAsLong();
                if (until > now) {
                    return Optional.empty();
                }
            }
            JsonObject value = new JsonObject();
            value.addProperty("owner", UUID.randomUUID().toString());
            value.addProperty("until", now + timeoutMillis);
            long expected = current.map(Checkpoint::revision).orElse(Checkpoint.ABSENT);
            if (!checkpoints.write(tenant, key, Json.write(value), expected)) {
                return Optional.empty();
            }
            return Optional.of(new Lease(checkpoints, tenant, key, expected + 1));
        }

        void release() {
            checkpoints.delete(tenant, key, revision);
        }
    }
}
