package dev.foldline.local;

import dev.foldline.http.CommitListener;
import dev.foldline.model.Envelope;
import dev.foldline.projection.EventHandler;
import dev.foldline.projection.HandlerFailure;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.projection.Projector;
import dev.foldline.store.EventStore;
import dev.foldline.store.MemoryCheckpointStore;
import dev.foldline.trace.Tracer;
import dev.foldline.store.Page;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Runs the registered handlers in-process: each committed envelope is fed to the core projector
 * before the command's response goes out, so a client that got its 200 reads projections that
 * include its command.
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
    private final Projector projector;
    private final List<EventHandler> handlers;

    /**
     * Progress is kept in memory, like the handlers' state, which is rebuilt by replay at startup:
     * a durable checkpoint would claim envelopes the fresh handlers never saw.
     */
    LocalProjections(EventStore durable, List<EventHandler> handlers, Tracer tracer) {
        this.store = durable;
        this.projector = new Projector(durable, new MemoryCheckpointStore(), Projector.DEFAULT_ATTEMPTS, tracer);
        this.handlers = List.copyOf(handlers);
    }

    @Override
    public synchronized void committed(Envelope envelope) {
        if (!handlers.isEmpty()) {
            report(projector.project(SCOPE, List.of(envelope), handlers));
        }
    }

    /** Rebuilds the handlers' state from every envelope of the tenants, in commit order. */
    synchronized int replay(List<String> tenants) {
        int replayed = 0;
        if (handlers.isEmpty()) {
            return 0;
        }
        for (String tenant : tenants) {
            String position = null;
            Page page;
            do {
                page = store.readAll(tenant, position, REPLAY_PAGE);
                report(projector.project(SCOPE, page.envelopes(), handlers));
                replayed += page.envelopes().size();
                position = page.nextPosition();
            } while (page.more());
        }
        return replayed;
    }

    private static void report(ProjectionReport report) {
        for (HandlerFailure failure : report.failures()) {
            LOG.log(Level.WARNING, "handler " + failure.handler() + " is parked on " + failure.stream() + "@"
                    + failure.version() + ": " + failure.error() + " (retried with the stream's next envelope)");
        }
    }
}
