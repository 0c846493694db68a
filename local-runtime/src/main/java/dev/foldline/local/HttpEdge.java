package dev.foldline.local;

import dev.foldline.http.HttpApi;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The runtime's HTTP server: Jetty, whose connections wait for bytes without holding a thread, so a
 * client that never finishes its headers or body costs one connection until the read timeout (or,
 * for headers trickling in, the {@link HeaderDeadline}) closes it; connections are capped, and the
 * requests read in full wait for a worker in a bounded queue.
 */
final class HttpEdge {

    private static final System.Logger LOG = System.getLogger(HttpEdge.class.getName());
    /** After the drain, how long the 503s for the requests still queued get to be written. */
    private static final Duration REFUSALS = Duration.ofSeconds(5);
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor workers;
    private final RequestGate gate = new RequestGate();
    private final ExchangeAdapter adapter;

    private HttpEdge(String host, int port, ServerLimits limits, HttpApi api) {
        QueuedThreadPool jettyThreads = new QueuedThreadPool(64, 4);
        jettyThreads.setName("foldline-jetty");
        server = new Server(jettyThreads);
        workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
                queue(limits.queuedRequests()), new NamedThreads("foldline-http-"));

        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(httpConfiguration(limits)));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.readTimeout().toMillis());
        // Small answers must not wait for the client's delayed ACK (~40 ms each).
        connector.setAcceptedTcpNoDelay(true);
        connector.addBean(new HeaderDeadline(connector.getScheduler(), limits.readTimeout()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setErrorHandler(new ServerProblems());
        // The same allowance as for headers (HeaderDeadline): twice the read timeout, however the bytes trickle.
        adapter = new ExchangeAdapter(api, gate, workers, limits.readTimeout().multipliedBy(2));
        server.setHandler(adapter);
        server.setStopTimeout(0); // the drain below is the graceful part
    }

    private static HttpConfiguration httpConfiguration(ServerLimits limits) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setIdleTimeout(limits.readTimeout().toMillis());
        // The API decodes and checks every path segment itself and names what is wrong; paths never
        // reach a file system, so encoded separators and dots are data, not a traversal risk.
        http.setUriCompliance(UriCompliance.UNAMBIGUOUS.with("foldline",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
                UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT, UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
                UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER, UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS,
                UriCompliance.Violation.BAD_UTF8_ENCODING, UriCompliance.Violation.TRUNCATED_UTF8_ENCODING));
        return http;
    }

    static HttpEdge start(String host, int port, ServerLimits limits, HttpApi api) {
        HttpEdge edge = new HttpEdge(host, port, limits, api);
        try {
            edge.server.start();
        } catch (Exception e) {
            edge.stopAfterFailedStart();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return edge;
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Requests read in full and waiting for a worker (for tests that need one queued). */
    int queuedRequests() {
        return workers.getQueue().size();
    }

    /** Requests arrived and not yet answered (for tests that need one in the server). */
    int requestsInside() {
        return gate.inside();
    }

    URI baseUri() {
        String host = connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /**
     * Stops accepting connections and turns away new requests on open ones (503, Connection: close);
     * lets the requests in flight and queued be answered for up to {@code drain}, then answers those
     * that have not run (queued, or their body still arriving) with a whole 503, and stops.
     */
    void stop(Duration drain) throws InterruptedException {
        gate.close();
        connector.shutdown();
        if (!gate.awaitEmpty(drain)) {
            int queued = refuseQueued();
            int reading = adapter.refuseReading();
            LOG.log(Level.WARNING, "requests still running after " + drain + "; answered 503: " + queued
                    + " queued, " + reading + " whose body was still arriving");
            if (!gate.awaitEmpty(REFUSALS)) {
                LOG.log(Level.WARNING, "requests still running; stopping anyway");
            }
        }
        workers.shutdown();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "the HTTP server did not stop cleanly: " + e);
        }
        if (!workers.awaitTermination(REFUSALS.toSeconds(), TimeUnit.SECONDS)) {
            LOG.log(Level.WARNING, "a request is still running as the store closes");
        }
    }

    /** Whatever Jetty started before the failure (its threads) must not keep the process alive. */
    private void stopAfterFailedStart() {
        workers.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "stopping after a failed start: " + e);
        }
    }

    private int refuseQueued() {
        List<Runnable> waiting = new ArrayList<>();
        workers.getQueue().drainTo(waiting);
        for (Runnable work : waiting) {
            ((ExchangeAdapter.Work) work).refuse();
        }
        return waiting.size();
    }

    /** No queue at all when none is allowed: a request then runs at once or is refused. */
    private static BlockingQueue<Runnable> queue(int size) {
        return size == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(size);
    }

    private static final class NamedThreads implements ThreadFactory {
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
