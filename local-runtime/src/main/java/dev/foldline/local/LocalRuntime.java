package dev.foldline.local;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Applications;
import dev.foldline.app.Assembly;
import dev.foldline.command.CommandHandler;
import dev.foldline.http.HttpApi;
import dev.foldline.local.sqlite.SqliteEventStore;
import dev.foldline.projection.EventHandler;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The HTTP command API on a laptop: Jetty ({@link HttpEdge}) in front of the core {@link HttpApi},
 * on the SQLite store, with the applications found on the class path and their handlers fed after
 * each commit.
 *
 * <p>Shutdown (SIGTERM, Ctrl-C, {@link #close()}): stop accepting connections and turn away new
 * requests with 503, let those in flight and queued finish and be answered (for up to
 * {@code FOLDLINE_DRAIN_SECONDS}; queued ones still waiting then get a whole 503), then stop the
 * server and close the store. Every 200 was sent after its
 * commit, and a commit in WAL mode with synchronous=FULL is on disk, so no acknowledged command is lost.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalRuntime.class.getName());
    // Held here because java.util.logging keeps loggers, and so the levels set on them, only weakly.
    private static final java.util.logging.Logger JETTY = java.util.logging.Logger.getLogger("org.eclipse.jetty");
    private static final java.util.logging.Logger JETTY_HOST_PORT =
            java.util.logging.Logger.getLogger("org.eclipse.jetty.util.HostPort");

    private final HttpEdge edge;
    private final SqliteEventStore store;
    private final Applications applications;
    private final Duration drain;
    private boolean closed;

    private LocalRuntime(HttpEdge edge, SqliteEventStore store, Applications applications, Duration drain) {
        this.edge = edge;
        this.store = store;
        this.applications = applications;
        this.drain = drain;
    }
    public static void main(String[] args) {
        // One line per log record, unless the user configured logging otherwise.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        }
        if (System.getProperty("java.util.logging.config.file") == null) {
            quietJetty();
        }
        LocalConfig config;
        LocalRuntime runtime;
        try {
            config = LocalConfig.fromEnvironment(System.getenv());
            runtime = start(config);
        } catch (RuntimeException e) {
            // A configuration or startup problem (port taken, bad JWT key...): say what, not where.
            System.err.println("Foldline local runtime cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "foldline-shutdown"));
        System.out.println(runtime.banner(config));
        System.out.flush();
    }

    /**
     * Jetty's start and stop lines say nothing the banner does not, and it warns of every malformed
     * Host header a client sends, which the client is answered with a 400: keep only what matters.
     */
    private static void quietJetty() {
        JETTY.setLevel(java.util.logging.Level.WARNING);
        JETTY_HOST_PORT.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Opens the store, replays the projections, and starts serving; returns once requests are accepted. */
    public static LocalRuntime start(LocalConfig config) {
        SqliteEventStore store = SqliteEventStore.openIn(config.dataDir());
        try {
            Applications applications = Assembly.fromSettings(config.settings(), store,
                    Thread.currentThread().getContextClassLoader());
            LocalProjections projections = new LocalProjections(store, applications, config.tracer());
            int replayed = projections.replay(store.tenants());
            LOG.log(Level.INFO, "replayed " + replayed + " envelopes into " + applications.handlers().size() + " handlers");

            CommandHandler commands = new CommandHandler(store, applications.registry(),
                    CommandHandler.Options.defaults().withTracer(config.tracer()).withSettings(config.settings()));
            HttpApi api = HttpApi.builder(commands, store, config.identity())
                    .commandRunner(new PerAggregateQueue(commands))
                    .options(config.http())
                    .views(applications.views())
                    .onCommit(projections)
                    .rebuilds(projections.rebuilds())
                    .build();
            HttpEdge edge = HttpEdge.start(config.host(), config.port(), config.server(), api);
            return new LocalRuntime(edge, store, applications, config.server().drain());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public int port() {
        return edge.port();
    }

    int queuedRequests() {
        return edge.queuedRequests();
    }

    int requestsInside() {
        return edge.requestsInside();
    }

    public URI baseUri() {
        return edge.baseUri();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        System.out.println("Foldline local runtime stopping: finishing the requests in flight");
        System.out.flush();
        try {
            edge.stop(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store.close();
            System.out.println("Foldline local runtime stopped; data is in " + store.file());
            System.out.flush();
        }
    }

    /** The first line a user sees; tests read the port from it, so keep "listening on URL" intact. */
    String banner(LocalConfig config) {
        String aggregates = applications.registry().types().stream().map(AggregateType::name)
                .collect(Collectors.joining(", "));
        String handlers = applications.handlers().stream().map(EventHandler::name).collect(Collectors.joining(", "));
        return "Foldline local runtime listening on " + baseUri() + "\n"
                + "  data:       " + store.file() + "\n"
                + "  identity:   " + config.identityDescription() + "\n"
                + "  aggregates: " + aggregates + "\n"
                + "  handlers:   " + (handlers.isEmpty() ? "(none)" : handlers);
    }
}
