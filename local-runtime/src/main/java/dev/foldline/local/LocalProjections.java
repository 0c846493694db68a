package dev.foldline.local;

import dev.foldline.app.Applications;
import dev.foldline.http.CommitListener;
import dev.foldline.model.Envelope;
import dev.foldline.projection.EventHandler;
import dev.foldline.projection.HandlerFailure;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.projection.Projector;
import dev.foldline.projection.Rebuilds;
import dev.foldline.store.EventStore;
import dev.foldline.store.MemoryCheckpointStore;
import dev.foldline.store.Page;
import dev.foldline.trace.Tracer;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the registered handlers in-process: each committed envelope is fed to the core projector
 * before the command's response goes out, so a client that got its 200 reads projections that
 * include its command.
 *
 * <p>Handlers whose state lives in memory are rebuilt by replaying every envelope at startup, so
 * their progress is kept in memory too: a durable checkpoint would claim envelopes the fresh
 * handlers never saw. Handlers whose state lives in the store (those of
 * {@link dev.foldline.app.StoreAware} applications, such as the examples' counter) keep their
 * progress in the store as well: the same replay then only applies what they missed (envelopes
 * committed while the runtime stopped before projecting them), never anything twice.
 *
 * <p>Projection is serialised (one envelope at a time) because two threads projecting the same
 * stream could both apply an envelope before either records it. Out-of-order commits are fine:
 * the projector fills the gap from the store and skips the late duplicate.
 */
final class LocalProjections implements CommitListener {

    private static final System.Logger LOG = System.getLogger(LocalProjections.class.getName());
    private static final String SCOPE = "local";
    private static final int REPLAY_PAGE = 500;

    private final EventStore store;
    private final List<Group> groups;
    private final Rebuilds rebuilds;

    LocalProjections(EventStore durable, Applications applications, Tracer tracer) {
        this.store = durable;
        this.groups = List.of(
                new Group(new Projector(durable, new MemoryCheckpointStore(), Projector.DEFAULT_ATTEMPTS, tracer),
                        applications.handlers(false)),
                new Group(new Projector(durable, durable.checkpoints(), Projector.DEFAULT_ATTEMPTS, tracer),
                        applications.handlers(true)));
        List<Rebuilds.Target> targets = new ArrayList<>();
        groups.forEach(group -> group.handlers().forEach(handler ->
                targets.add(new Rebuilds.Target(handler, group.projector()))));
        this.rebuilds = Rebuilds.of(durable, SCOPE, targets).serialisedWith(this);
    }

    /**
     * Rebuilds of the handlers, each step holding the lock that commits are projected under: a step
     * never overlaps a commit's projection, and between steps commits leave the handler to the rebuild.
     */
    Rebuilds rebuilds() {
        return rebuilds;
    }

    @Override
    public synchronized void committed(Envelope envelope) {
        project(List.of(envelope));
    }

    /** Brings the handlers' state up to every envelope of the tenants, in commit order. */
    synchronized int replay(List<String> tenants) {
        if (groups.stream().allMatch(group -> group.handlers().isEmpty())) {
            return 0;
        }
        int replayed = 0;
        for (String tenant : tenants) {
            String position = null;
            Page page;
            do {
                page = store.readAll(tenant, position, REPLAY_PAGE);
                project(page.envelopes());
                replayed += page.envelopes().size();
                position = page.nextPosition();
            } while (page.more());
        }
        return replayed;
    }

    private void project(List<Envelope> envelopes) {
        for (Group group : groups) {
            if (!group.handlers().isEmpty()) {
                report(group.projector().project(SCOPE, envelopes, group.handlers()));
            }
        }
    }

    private static void report(ProjectionReport report) {
        for (HandlerFailure failure : report.failures()) {
            LOG.log(Level.WARNING, "parked " + failure.description() + " (retried with the stream's next envelope)");
        }
    }

    /** Handlers that share where their progress is kept. */
    private record Group(Projector projector, List<EventHandler> handlers) {
    }
}
