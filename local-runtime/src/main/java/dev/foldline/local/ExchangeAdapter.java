package dev.foldline.local;

import dev.foldline.http.HttpApi;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.HttpResponse;
import dev.foldline.http.Problems;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Translates Jetty's requests to the core {@link HttpApi} and back. The body is read without a
 * thread (a slow client costs a connection, not a worker); the request then waits in the workers'
 * bounded queue, and a full queue is a 503 with Retry-After rather than an ever longer wait.
 */
final class ExchangeAdapter extends Handler.Abstract.NonBlocking {

    private static final String SHUTTING_DOWN = "the runtime is shutting down; this request did not run";

    private final HttpApi api;
    private final RequestGate gate;
    private final ThreadPoolExecutor workers;
    private final Duration bodyDeadline;
    /** Requests whose body is still arriving. */
    private final Set<Exchange> reading = ConcurrentHashMap.newKeySet();

    ExchangeAdapter(HttpApi api, RequestGate gate, ThreadPoolExecutor workers, Duration bodyDeadline) {
        this.api = api;
        this.gate = gate;
        this.workers = workers;
        this.bodyDeadline = bodyDeadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!gate.enter()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Exchange.send(response, Problems.unavailable("the runtime is shutting down"), callback);
            return true;
        }
        Exchange exchange = new Exchange(response, callback, gate);
        reading.add(exchange);
        BodyReader.read(request, api.options().maxBodyBytes() + 1, bodyDeadline, body -> {
            reading.remove(exchange);
            if (exchange.claim()) {
                queue(new Work(toCore(request, body), exchange));
            }
        }, failure -> {
            reading.remove(exchange);
            if (exchange.claim()) {
                unreadable(request, exchange, failure);
            }
        });
        return true;
    }

    /** At the end of the drain: a request whose body is still arriving gets a whole 503, not a reset. */
    int refuseReading() {
        int refused = 0;
        for (Exchange exchange : reading) {
            if (exchange.claim()) {
                exchange.refuse(SHUTTING_DOWN);
                refused++;
            }
        }
        return refused;
    }

    /** A request read in full and not yet run: runs on a worker, or is refused whole if shutdown cannot wait for it. */
    final class Work implements Runnable {
        private final HttpRequest request;
        private final Exchange exchange;

        private Work(HttpRequest request, Exchange exchange) {
            this.request = request;
            this.exchange = exchange;
        }

        @Override
        public void run() {
            HttpResponse answer;
            try {
                answer = api.handle(request);
            } catch (RuntimeException | Error e) {
                exchange.done().failed(e); // Jetty answers 500 through ServerProblems, which logs the incident
                return;
            }
            exchange.answer(answer);
        }

        void refuse() {
            exchange.refuse(SHUTTING_DOWN);
        }
    }

    private void queue(Work work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException full) {
            if (workers.isShutdown()) {
                work.refuse();
            } else {
                work.exchange.answer(Problems.unavailable(
                        "the runtime is busy: " + workers.getQueue().size() + " requests are waiting; retry later"));
            }
        }
    }

    /** The body never came whole: the client stalled past the read timeout, broke the framing, or left. */
    private static void unreadable(Request request, Exchange exchange, Throwable failure) {
        if (failure instanceof TimeoutException) {
            exchange.response().getHeaders().put(HttpHeader.CONNECTION, "close");
            exchange.answer(ServerProblems.problem(HttpStatus.REQUEST_TIMEOUT_408,
                    "the request body did not arrive in time", null));
        } else {
            Response.writeError(request, exchange.response(), exchange.done(), failure);
        }
    }

    private static HttpRequest toCore(Request request, byte[] body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getName(), field.getValue(), (first, next) -> first + ", " + next);
        }
        return new HttpRequest(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                headers, body);
    }
}
