package dev.foldline.local;

import com.sun.net.httpserver.HttpServer;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Applications;
import dev.foldline.app.Assembly;
import dev.foldline.command.CommandHandler;
import dev.foldline.http.HttpApi;
import dev.foldline.local.sqlite.SqliteEventStore;
import dev.foldline.projection.EventHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The HTTP command API on a laptop: the JDK's HTTP server in front of the core {@link HttpApi},
 * on the SQLite store, with the applications found on the class path and their handlers fed after
 * each commit.
 *
 * <p>Shutdown (SIGTERM, Ctrl-C, {@link #close()}): stop taking requests, let those in flight
 * finish and be answered, then stop the server and close the store. Every 200 was sent after its
 * commit, and a commit in WAL mode with synchronous=FULL is on disk, so no acknowledged command is lost.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalRuntime.class.getName());
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
    private static final int WORKERS = 16;

    private final HttpServer server;
    private final ExecutorService workers;
    private final SqliteEventStore store;
    private final RequestGate gate;
    private final Applications applications;
    private boolean closed;

    private LocalRuntime(HttpServer server, ExecutorService workers, SqliteEventStore store, RequestGate gate,
                         Applications applications) {
        this.server = server;
        this.workers = workers;
        this.store = store;
        this.gate = gate;
        this.applications = applications;
    }

    public static void main(String[] args) {
        // One line per log record, unless the user configured logging otherwise.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
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

    /** Opens the store, replays the projections, and starts serving; returns once requests are accepted. */
    public static LocalRuntime start(LocalConfig config) {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, small
        // responses then wait for the client's delayed ACK (~40 ms each). Read once, at first use.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
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
                    .build();
            RequestGate gate = new RequestGate();
            HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256);
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS, new NamedThreads("foldline-http-"));
            server.createContext("/", new ExchangeAdapter(api, gate));
            server.setExecutor(workers);
            server.start();
            return new LocalRuntime(server, workers, store, gate, applications);
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
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
            if (!gate.closeAndDrain(DRAIN_TIMEOUT)) {
                LOG.log(Level.WARNING, "requests still running after " + DRAIN_TIMEOUT + "; stopping anyway");
            }
            server.stop(0);
            workers.shutdown();
            workers.awaitTermination(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
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

    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger();

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task, prefix + next.incrementAndGet());
        }
    }
}
