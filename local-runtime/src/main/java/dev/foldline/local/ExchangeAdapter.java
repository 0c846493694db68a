package dev.foldline.local;

import dev.foldline.http.HttpApi;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.HttpResponse;
import dev.foldline.http.Problems;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
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

    private final HttpApi api;
    private final RequestGate gate;
    private final ThreadPoolExecutor workers;

    ExchangeAdapter(HttpApi api, RequestGate gate, ThreadPoolExecutor workers) {
        this.api = api;
        this.gate = gate;
        this.workers = workers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!gate.enter()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            send(response, Problems.unavailable("the runtime is shutting down"), callback);
            return true;
        }
        Callback answered = Callback.from(() -> {
            gate.exit();
            callback.succeeded();
        }, failure -> {
            gate.exit();
            callback.failed(failure);
        });
        BodyReader.read(request, api.options().maxBodyBytes() + 1,
                body -> queue(new Work(toCore(request, body), response, answered)),
                failure -> unreadable(request, response, answered, failure));
        return true;
    }

    /** The requests read in full and not yet run, each answerable with a 503 if shutdown cannot wait for it. */
    final class Work implements Runnable {
        private final HttpRequest request;
        private final Response response;
        private final Callback answered;

        private Work(HttpRequest request, Response response, Callback answered) {
            this.request = request;
            this.response = response;
            this.answered = answered;
        }

        @Override
        public void run() {
            HttpResponse answer;
            try {
                answer = api.handle(request);
            } catch (RuntimeException | Error e) {
                answered.failed(e); // Jetty answers 500 through ServerProblems, which logs the incident
                return;
            }
            send(response, answer, answered);
        }

        void refuse(String why) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            send(response, Problems.unavailable(why), answered);
        }
    }

    private void queue(Work work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException full) {
            work.refuse(workers.isShutdown() ? "the runtime is shutting down"
                    : "the runtime is busy: " + workers.getQueue().size() + " requests are waiting; retry later");
        }
    }

    /** The body never came whole: the client stalled past the read timeout, broke the framing, or left. */
    private static void unreadable(Request request, Response response, Callback answered, Throwable failure) {
        if (failure instanceof TimeoutException) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            send(response, ServerProblems.problem(HttpStatus.REQUEST_TIMEOUT_408,
                    "the request body did not arrive in time", null), answered);
        } else {
            Response.writeError(request, response, answered, failure);
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

    static void send(Response response, HttpResponse answer, Callback callback) {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        answer.headers().forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
