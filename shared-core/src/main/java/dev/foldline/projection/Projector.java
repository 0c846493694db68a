package dev.foldline.projection;

import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.trace.Tracer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies envelopes from any delivery (a cloud trigger's batch in any order, with duplicates, or
 * the poll reader) to handlers, so that each handler sees each stream's envelopes exactly once in
 * effect and in version order.
 *
 * <p>Per (scope, handler, stream) it keeps the last applied version: an envelope at or below it is
 * a duplicate; one beyond the next version means a gap, filled by reading the missing envelopes
 * from the store. A failing handler is retried, then parked with its error: its progress on that
 * stream stays before the failed envelope (so nothing after it is applied and nothing is ever
 * skipped), while other streams and other handlers go on. The scope separates independent
 * consumers of the same handlers, such as the stream trigger and each poll thread.
 */
public final class Projector {

    /** How often a failing envelope is tried within one pass before it is parked, unless told otherwise. */
    public static final int DEFAULT_ATTEMPTS = 3;

    private final EventStore store;
    private final ProjectionCheckpoints checkpoints;
    private final RebuildCheckpoints rebuilds;
    private final int attempts;
    private final Tracer tracer;

    public Projector(EventStore store) {
        this(store, DEFAULT_ATTEMPTS, Tracer.NOOP);
    }

    /** @param attempts how often a failing envelope is tried within one pass before it is parked */
    public Projector(EventStore store, int attempts, Tracer tracer) {
        this(store, store.checkpoints(), attempts, tracer);
    }

    /**
     * A projector whose progress lives elsewhere than the store's own checkpoints: for handlers
     * whose state lives in memory and is rebuilt by replay, progress must be forgotten with it.
     */
    public Projector(EventStore store, CheckpointStore progress, int attempts, Tracer tracer) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.store = store;
        this.checkpoints = new ProjectionCheckpoints(progress);
        this.rebuilds = new RebuildCheckpoints(progress);
        this.attempts = attempts;
        this.tracer = tracer;
    }

    /**
     * Applies a live delivery. A handler being rebuilt in a tenant ({@link ProjectionRebuild}) is
     * not applied there: the stream is left to the rebuild, which applies it before it hands over
     * (one list of the tenant's rebuild markers per tenant in the delivery finds them).
     */
    public ProjectionReport project(String scope, Collection<Envelope> delivered, List<EventHandler> handlers) {
        return project(scope, delivered, handlers, true);
    }

    /** Applies envelopes for a rebuild, which is the one applying its handler while it runs. */
    ProjectionReport replay(String scope, Collection<Envelope> envelopes, EventHandler handler) {
        return project(scope, envelopes, List.of(handler), false);
    }

    /** Brings the handler up to the stream's latest envelope in the scope, for a rebuild's handover. */
    ProjectionReport catchUp(String scope, EventHandler handler, StreamId stream) {
        return projectStream(scope, handler, stream, List.of(), true);
    }

    RebuildCheckpoints rebuilds() {
        return rebuilds;
    }

    ProjectionCheckpoints checkpoints() {
        return checkpoints;
    }

    private ProjectionReport project(String scope, Collection<Envelope> delivered, List<EventHandler> handlers,
                                     boolean deferToRebuilds) {
        requireNames(scope, handlers);
        ProjectionReport report = ProjectionReport.EMPTY;
        Map<String, Map<String, Checkpoint>> rebuildingByTenant = new HashMap<>();
        for (Map.Entry<StreamId, List<Envelope>> stream : byStream(delivered).entrySet()) {
            Map<String, Checkpoint> rebuilding = deferToRebuilds && !handlers.isEmpty()
                    ? rebuildingByTenant.computeIfAbsent(stream.getKey().tenant(), t -> rebuilds.rebuilding(scope, t))
                    : Map.of();
            for (EventHandler handler : handlers) {
                Checkpoint marker = rebuilding.get(handler.name());
                if (marker != null) {
                    if (rebuilds.defer(scope, handler.name(), stream.getKey(), marker)) {
                        continue;
                    }
                    rebuilding.remove(handler.name()); // it handed over: apply here from now on
                }
                report = report.plus(projectStream(scope, handler, stream.getKey(), stream.getValue(), false));
            }
        }
        return report;
    }

    /**
     * Projects a batch of change records as a platform delivered them (in any order, with
     * duplicates) and names the first record the platform must deliver again; see
     * {@link BatchResult#retryFrom()}.
     */
    public <P> BatchResult<P> projectBatch(String scope, List<Delivery<P>> batch, List<EventHandler> handlers) {
        ProjectionReport report = project(scope, batch.stream().map(Delivery::envelope).toList(), handlers);
        return BatchResult.of(batch, report);
    }

    /** Tries every parked stream of the scope again, up to its latest envelope. */
    public ProjectionReport retryParked(String scope, String tenant, List<EventHandler> handlers) {
        requireNames(scope, handlers);
        ProjectionReport report = ProjectionReport.EMPTY;
        List<HandlerFailure> parked = checkpoints.parked(scope, tenant);
        // A handler being rebuilt retries its failures itself when the rebuild runs again.
        Map<String, Checkpoint> rebuilding = parked.isEmpty() ? Map.of() : rebuilds.rebuilding(scope, tenant);
        for (HandlerFailure failure : parked) {
            for (EventHandler handler : handlers) {
                if (handler.name().equals(failure.handler()) && !rebuilding.containsKey(handler.name())) {
                    report = report.plus(projectStream(scope, handler, failure.stream(), List.of(), true));
                }
            }
        }
        return report;
    }

    /**
     * Retries the parked failures of every tenant in the scope: what a scheduled job runs, so that
     * a parked stream recovers once its handler is fixed even if the stream receives nothing new.
     */
    public ProjectionReport retryAllParked(String scope, List<EventHandler> handlers) {
        ProjectionReport report = ProjectionReport.EMPTY;
        for (Map.Entry<String, Long> tenant : checkpoints.tenantsWithParked(scope).entrySet()) {
            report = report.plus(retryParked(scope, tenant.getKey(), handlers));
            if (checkpoints.parked(scope, tenant.getKey()).isEmpty()) {
                checkpoints.clearTenantMark(scope, tenant.getKey(), tenant.getValue());
            }
        }
        return report;
    }

    public List<HandlerFailure> parked(String scope, String tenant) {
        return checkpoints.parked(scope, tenant);
    }

    /** The last version of the stream the handler has applied in the scope, -1 for none. */
    public long appliedVersion(String scope, String handler, StreamId stream) {
        return checkpoints.progress(scope, handler, stream).version();
    }

    private ProjectionReport projectStream(String scope, EventHandler handler, StreamId stream,
                                           List<Envelope> delivered, boolean toLatest) {
        ProjectionCheckpoints.Progress progress = checkpoints.progress(scope, handler.name(), stream);
        boolean wasParked = progress.parked();
        long applied = progress.version();
        long target = toLatest ? Long.MAX_VALUE : delivered.get(delivered.size() - 1).version();
        long alreadyApplied = applied;
        int duplicates = (int) delivered.stream().filter(e -> e.version() <= alreadyApplied).count();
        if (target <= applied) {
            return new ProjectionReport(0, duplicates, 0, List.of());
        }
        List<Envelope> pending = pending(stream, delivered, applied, target);
        Set<Long> deliveredVersions = delivered.stream().map(Envelope::version).collect(Collectors.toSet());
        int filled = (int) pending.stream().filter(e -> !deliveredVersions.contains(e.version())).count();
        int handled = 0;
        for (Envelope envelope : pending) {
            if (envelope.version() <= applied) {
                continue;
            }
            if (envelope.version() != applied + 1) {
                // The store could not fill the gap (yet): stop here rather than skip a version.
                HandlerFailure gap = new HandlerFailure(handler.name(), stream, applied + 1,
                        "version " + (applied + 1) + " is missing from the store");
                saveOrReload(scope, handler, stream, progress, applied, wasParked);
                return new ProjectionReport(handled, duplicates, filled, List.of(gap));
            }
            if (!handler.reactsTo(envelope)) {
                applied = envelope.version();
                continue;
            }
            String error = applyWithRetries(handler, envelope);
            if (error != null) {
                HandlerFailure failure = new HandlerFailure(handler.name(), stream, envelope.version(), error);
                checkpoints.park(scope, failure);
                saveOrReload(scope, handler, stream, progress, applied, true);
                return new ProjectionReport(handled, duplicates, filled, List.of(failure));
            }
            handled++;
            applied = envelope.version();
        }
        // Progress is written once per stream and handler for the whole delivery, not per envelope: a
        // batch of a hundred envelopes costs one checkpoint write. A crash before it means the batch
        // is delivered again and its envelopes applied again, as at-least-once delivery does anyway.
        if (applied != progress.version() || progress.parked()) {
            saveOrReload(scope, handler, stream, progress, applied, false);
        }
        if (wasParked) {
            checkpoints.unpark(scope, handler.name(), stream);
        }
        return new ProjectionReport(handled, duplicates, filled, List.of());
    }

    /**
     * The envelopes after {@code applied} up to {@code target} in order: the delivered ones, with
     * any gap before or between them read from the store.
     */
    private List<Envelope> pending(StreamId stream, List<Envelope> delivered, long applied, long target) {
        TreeMap<Long, Envelope> byVersion = new TreeMap<>();
        for (Envelope envelope : delivered) {
            if (envelope.version() > applied) {
                byVersion.putIfAbsent(envelope.version(), envelope);
            }
        }
        boolean contiguous = byVersion.isEmpty() ? target == applied
                : byVersion.firstKey() == applied + 1 && byVersion.lastKey() - byVersion.firstKey() == byVersion.size() - 1;
        if (!contiguous) {
            long upTo = byVersion.isEmpty() ? target : byVersion.lastKey();
            for (Envelope envelope : store.read(stream, applied + 1, upTo)) {
                byVersion.putIfAbsent(envelope.version(), envelope);
            }
        }
        return new ArrayList<>(byVersion.values());
    }

    private String applyWithRetries(EventHandler handler, Envelope envelope) {
        String error = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            long started = System.nanoTime();
            Throwable failure = null;
            try {
                handler.handle(envelope);
                return null;
            } catch (Exception e) {
                failure = e;
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } finally {
                // Without a tracer, no span (and no subject text) is made per envelope.
                if (tracer != Tracer.NOOP) {
                    tracer.trace(new Tracer.Span(Tracer.Operation.HANDLE, envelope.tenant(),
                            envelope.stream() + "@" + envelope.version(), handler.name(), System.nanoTime() - started,
                            failure));
                }
            }
        }
        return error;
    }

    private ProjectionCheckpoints.Progress saveOrReload(String scope, EventHandler handler, StreamId stream,
                                                        ProjectionCheckpoints.Progress from, long version,
                                                        boolean parked) {
        if (checkpoints.save(scope, handler.name(), stream, from, version, parked)) {
            return new ProjectionCheckpoints.Progress(version, parked, from.revision() + 1);
        }
        // Another projector moved first; continue from what it recorded.
        return checkpoints.progress(scope, handler.name(), stream);
    }

    private static void requireNames(String scope, List<EventHandler> handlers) {
        ProjectionCheckpoints.requireSegment(scope, "scope");
        handlers.forEach(handler -> ProjectionCheckpoints.requireSegment(handler.name(), "handler name"));
    }

    private static Map<StreamId, List<Envelope>> byStream(Collection<Envelope> delivered) {
        Map<StreamId, List<Envelope>> streams = new LinkedHashMap<>();
        for (Envelope envelope : delivered) {
            streams.computeIfAbsent(envelope.stream(), s -> new ArrayList<>()).add(envelope);
        }
        streams.values().forEach(list -> list.sort(Comparator.comparingLong(Envelope::version)));
        return streams;
    }
}
