package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.http.contract.ContractApplication;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input of every kind gets a 4xx problem, never a 5xx, and the runtime keeps serving. */
class MalformedRequestsTest {

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.withDefaults();

    private static final List<String> BAD_BODIES = List.of(
            "", " ", "null", "[]", "[1,2]", "\"text\"", "42", "true", "{", "}", "{\"number1\":}", "{number1:1}",
            "{'number1':1}", "{\"number1\":1,}", "{\"number1\":1} trailing", "{\"number1\":1}{}",
            "{\"number1\":NaN,\"number2\":1}", "{\"number1\":Infinity,\"number2\":1}",
            "{\"number1\":1e999999999,\"number2\":1}", "{\"number1\":-1e-999999999,\"number2\":1}",
            "{\"number1\":99999999999999999999999999,\"number2\":1}", "{\"number1\":1.5,\"number2\":1}",
            "{\"number1\":[1],\"number2\":{}}", "{\"number1\":null,\"number2\":null}",
            "{\"aggregateId\":42,\"number1\":1,\"number2\":1}", "{\"aggregateId\":{},\"number1\":1,\"number2\":1}",
            "{\"aggregateId\":\"\",\"number1\":1,\"number2\":1}", "{\"aggregateId\":\"a/b\",\"number1\":1,\"number2\":1}",
            "{\"aggregateId\":\"" + "x".repeat(300) + "\",\"number1\":1,\"number2\":1}",
            "{\"aggregateId\":\"a\",\"expectedVersion\":\"0\",\"number1\":1,\"number2\":1}",
            "{\"aggregateId\":\"a\",\"expectedVersion\":-5,\"number1\":1,\"number2\":1}",
            "{\"aggregateId\":\"a\",\"expectedVersion\":1.5,\"number1\":1,\"number2\":1}",
            "{\"aggregateId\":\"a\",\"expectedVersion\":1e30,\"number1\":1,\"number2\":1}",
            "{\"aggregateId\":\"a\",\"expectedVersion\":99,\"number1\":1,\"number2\":1}",
            "[".repeat(100_000), "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000),
            "{\"number1\":\"\\ud800\",\"number2\":1}", "{\"number1\":\"\\u00\"}", "\u0000\u0001\u0002");

    @Test
    void a_stream_of_malformed_command_bodies_never_gets_a_5xx() {
        List<String> failures = new ArrayList<>();
        for (String command : List.of("AddNumbers", "PressDigit", "PressOperator", "PressEquals", ContractApplication.OPEN_SAFE)) {
            for (String body : BAD_BODIES) {
                check(server.api().command(command, body), command + " " + abbreviate(body), failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void randomly_corrupted_bodies_never_get_a_5xx() {
        Random random = new Random(20261122L);
        byte[] valid = "{\"aggregateId\":\"fuzz\",\"expectedVersion\":-1,\"number1\":1,\"number2\":2}"
                .getBytes(StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] body = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            check(server.api().send("POST", "/commands/AddNumbers", BodyPublishers.ofByteArray(body),
                    "Content-Type", "application/json"), "corrupted body #" + i, failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void malformed_paths_methods_and_headers_never_get_a_5xx() {
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/", "/commands", "/commands/", "/commands/%C3%28", "/commands/a%2Fb",
                "/aggregates", "/aggregates/numbers", "/aggregates/numbers/%00", "/aggregates/numbers/a%2Fb/envelopes",
                "/aggregates/%C3%28/x", "/aggregates/numbers/x/envelopes/more", "/projections/nope", "/projections",
                "/health/more", "/" + "a/".repeat(500))) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO")) {
                check(server.api().send(method, path, BodyPublishers.ofString("{}"), "Content-Type", "application/json"),
                        method + " " + abbreviate(path), failures);
            }
        }
        String valid = "{\"aggregateId\":\"hdr\",\"number1\":1,\"number2\":2}";
        check(server.api().command("AddNumbers", valid, "Idempotency-Key", "k".repeat(1000)), "long idempotency key", failures);
        check(server.api().command("AddNumbers", valid, "Idempotency-Key", "with space"), "idempotency key with space", failures);
        check(server.api().withHeaders("X-Tenant", "t".repeat(5000), "X-Actor-Id", "u").command("AddNumbers", valid),
                "long tenant", failures);
        check(server.api().withHeaders("X-Tenant", "t", "X-Actor-Id", "u", "X-Actor-Roles", ",,, ,").command("AddNumbers", valid),
                "empty roles", failures);
        check(server.api().send("POST", "/commands/AddNumbers", BodyPublishers.ofString(valid),
                "Content-Type", "application/json; charset=utf-8; boundary=\"x"), "odd content type", failures);
        check(server.api().send("POST", "/commands/AddNumbers", BodyPublishers.ofString(valid), "Content-Type", ";;;"),
                "empty media type", failures);
        assertThat(failures).isEmpty();
        assertThat(server.api().get("/health").status()).isEqualTo(200);
    }

    @Test
    void raw_requests_the_jdk_client_refuses_to_send_never_get_a_5xx() throws Exception {
        String identity = "X-Tenant: tenant1\r\nX-Actor-Id: user1\r\n";
        List<String> requests = List.of(
                "GET /commands/%zz HTTP/1.1\r\n",
                "GET /aggregates/numbers/%4 HTTP/1.1\r\n",
                "GET /aggregates/numbers/%ff%fe HTTP/1.1\r\n",
                "GET /aggregates/numbers/x/envelopes?limit=%zz HTTP/1.1\r\n",
                "GET /aggregates/numbers/x/envelopes?limit=%ff HTTP/1.1\r\n",
                "GET /aggregates/numbers/x/envelopes?=&&limit&after=1e3 HTTP/1.1\r\n",
                "POST /commands/AddNumbers HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{\"a\":",
                "GET // HTTP/1.1\r\n",
                "GARBAGE\r\n",
                "GET relative HTTP/1.1\r\n");
        for (String request : requests) {
            int status = rawStatus(request.contains("\r\n\r\n") ? request.replaceFirst("\r\n", "\r\n" + identity)
                    : request + identity + "\r\n");
            assertThat(status).as(request).isBetween(400, 499);
        }
        assertThat(server.api().get("/health").status()).isEqualTo(200);
    }

    /** Sends bytes as they are and returns the status of the answer, 400 if the server just hangs up. */
    private static int rawStatus(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.replace("HTTP/1.1\r\n", "HTTP/1.1\r\nHost: x\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return statusLine == null ? 400 : Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static void check(ApiClient.Reply reply, String what, List<String> failures) {
        if (reply.status() >= 500) {
            failures.add(what + " -> " + reply);
        } else if (reply.status() >= 400 && !reply.contentType().equals("application/problem+json")) {
            failures.add(what + " -> not a problem: " + reply);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
