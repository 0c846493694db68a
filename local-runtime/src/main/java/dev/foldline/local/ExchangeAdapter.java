package dev.foldline.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.foldline.http.HttpApi;
import dev.foldline.http.HttpRequest;
import dev.foldline.http.HttpResponse;
import dev.foldline.http.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Translates the JDK server's exchanges to the core {@link HttpApi} and back; decides nothing itself. */
final class ExchangeAdapter implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ExchangeAdapter.class.getName());
    /** How much of an oversized body is read and discarded so the client sees the 413 instead of a reset. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final HttpApi api;
    private final RequestGate gate;

    ExchangeAdapter(HttpApi api, RequestGate gate) {
        this.api = api;
        this.gate = gate;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!gate.enter()) {
                exchange.getResponseHeaders().set("Connection", "close");
                send(exchange, Problems.unavailable("the runtime is shutting down"));
                return;
            }
            try {
                HttpRequest request = new HttpRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), headers(exchange.getRequestHeaders()),
                        readAtMost(exchange.getRequestBody(), api.options().maxBodyBytes() + 1L));
                send(exchange, api.handle(request));
            } finally {
                gate.exit();
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "client went away: " + e.getMessage());
        }
    }

    private static Map<String, String> headers(Headers headers) {
        Map<String, String> joined = new HashMap<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            joined.put(header.getKey(), String.join(", ", header.getValue()));
        }
        return joined;
    }

    /** Reads up to {@code limit} bytes; beyond that the body is drained (up to a cap) and cut off. */
    private static byte[] readAtMost(InputStream body, long limit) throws IOException {
        byte[] read = body.readNBytes((int) limit);
        if (read.length == limit) {
            long skipped = 0;
            byte[] buffer = new byte[64 * 1024];
            int n;
            while (skipped < DRAIN_LIMIT && (n = body.read(buffer)) > 0) {
                skipped += n;
            }
        }
        return read;
    }

    private static void send(HttpExchange exchange, HttpResponse response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
