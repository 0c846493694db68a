package dev.foldline.local;

import dev.foldline.http.HttpResponse;
import dev.foldline.http.Problems;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request inside the gate, from its arrival to its answer. Whoever claims it first answers it:
 * the request's own path (its body read, then run), or the shutdown refusing it once the drain is over.
 */
final class Exchange {

    private final Response response;
    private final Callback done;
    private final AtomicBoolean claimed = new AtomicBoolean();

    /** {@code done} is completed once the answer is written (or failed), and then the gate is left. */
    Exchange(Response response, Callback callback, RequestGate gate) {
        this.response = response;
        this.done = Callback.from(() -> {
            gate.exit();
            callback.succeeded();
        }, failure -> {
            gate.exit();
            callback.failed(failure);
        });
    }

    /** True for the one caller that may answer. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    Response response() {
        return response;
    }

    Callback done() {
        return done;
    }

    void answer(HttpResponse answer) {
        send(response, answer, done);
    }

    /** A whole 503 for a request that did not run, closing the connection after it. */
    void refuse(String why) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        answer(Problems.unavailable(why));
    }

    static void send(Response response, HttpResponse answer, Callback callback) {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        answer.headers().forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
