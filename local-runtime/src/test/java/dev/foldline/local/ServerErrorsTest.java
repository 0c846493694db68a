package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.http.HttpOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every error the runtime produces itself, before or around the API, is application/problem+json
 * with the status it names: never the HTTP server's HTML page, and never a hang-up.
 */
class ServerErrorsTest {

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.withDefaults();

    private static final String IDENTITY = "Host: x\r\nX-Tenant: tenant1\r\nX-Actor-Id: user1\r\n";

    private record Case(String what, String request, int status) {
    }

    @Test
    void requests_the_server_refuses_on_its_own_get_a_problem_naming_their_status() {
        List<Case> cases = List.of(
                new Case("bad percent-encoding", "GET /commands/%zz HTTP/1.1\r\n" + IDENTITY + "\r\n", 400),
                new Case("truncated percent-encoding", "GET /aggregates/numbers/%4 HTTP/1.1\r\n" + IDENTITY + "\r\n", 400),
                new Case("encoded NUL", "GET /aggregates/numbers/%00 HTTP/1.1\r\n" + IDENTITY + "\r\n", 400),
                new Case("invalid UTF-8 in the path", "GET /aggregates/numbers/%ff%fe HTTP/1.1\r\n" + IDENTITY + "\r\n", 400),
                new Case("no request line", "GARBAGE\r\n\r\n", 400),
                new Case("relative target", "GET relative HTTP/1.1\r\n" + IDENTITY + "\r\n", 400),
                new Case("control characters", "\u0000\u0001\u0002\r\n\r\n", 400),
                new Case("unknown HTTP version", "GET /health HTTP/9.9\r\n" + IDENTITY + "\r\n", 400),
                new Case("no Host header", "GET /health HTTP/1.1\r\n\r\n", 400),
                new Case("header without a colon", "GET /health HTTP/1.1\r\n" + IDENTITY + "Bad Header\r\n\r\n", 400),
                new Case("headers over 16 KiB", "GET /health HTTP/1.1\r\n" + IDENTITY + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n", 431),
                new Case("a target over 16 KiB", "GET /" + "p".repeat(20_000) + " HTTP/1.1\r\n" + IDENTITY + "\r\n", 414),
                new Case("two Content-Lengths", "POST /commands/AddNumbers HTTP/1.1\r\n" + IDENTITY
                        + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400),
                new Case("a Content-Length that is no number", "POST /commands/AddNumbers HTTP/1.1\r\n" + IDENTITY
                        + "Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}", 400),
                new Case("broken chunked framing", "POST /commands/AddNumbers HTTP/1.1\r\n" + IDENTITY
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n", 400),
                new Case("unsupported method", "TRACE /health HTTP/1.1\r\n" + IDENTITY + "\r\n", 405),
                new Case("unknown method", "BREW /commands/AddNumbers HTTP/1.1\r\n" + IDENTITY + "Content-Length: 0\r\n\r\n", 405),
                new Case("CONNECT", "CONNECT x:443 HTTP/1.1\r\n" + IDENTITY + "\r\n", 400),
                new Case("a body over the limit", "POST /commands/AddNumbers HTTP/1.1\r\n" + IDENTITY
                        + "Content-Type: application/json\r\nContent-Length: " + (HttpOptions.DEFAULT_MAX_BODY_BYTES + 10)
                        + "\r\n\r\n{\"aggregateId\":\"big\",\"pad\":\"" + "x".repeat(HttpOptions.DEFAULT_MAX_BODY_BYTES) + "\"}", 413),
                new Case("a chunked body over the limit", "POST /commands/AddNumbers HTTP/1.1\r\n" + IDENTITY
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + chunked("{\"aggregateId\":\"big\",\"pad\":\"" + "x".repeat(HttpOptions.DEFAULT_MAX_BODY_BYTES) + "\"}"), 413));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            RawHttp.Answer answer = RawHttp.exchange(server.baseUri(), c.request());
            if (answer == null || answer.status() != c.status() || !answer.isProblem()) {
                wrong.add(c.what() + " -> " + answer);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(server.api().get("/aggregates/numbers/big").status()).as("nothing was written").isEqualTo(404);
        assertThat(server.api().get("/health").status()).isEqualTo(200);
    }

    private static String chunked(String body) {
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; i < body.length(); i += 8192) {
            String chunk = body.substring(i, Math.min(body.length(), i + 8192));
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString();
    }
}
