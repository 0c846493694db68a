package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.http.contract.ContractApplication;
import dev.foldline.local.sqlite.SqliteEventStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the runtime's HTTP entry point over real sockets with malformed, oversized and mistyped
 * requests (random bytes in request lines, headers and bodies; random JSON shapes) from a fixed
 * seed: no answer is a 5xx, every error is a problem, and the store holds exactly one envelope per
 * command answered 200 with events, so nothing refused was written.
 */
class FuzzOverHttpTest {

    private static final long SEED = 20261202L;
    private static final int REQUESTS = 1200;
    private static final List<String> COMMANDS = List.of("AddNumbers", "SubtractNumbers", "PressDigit", "PressDot",
            "PressOperator", "PressEquals", ContractApplication.OPEN_SAFE, "NoSuchCommand");
    private static final List<String> FIELDS = List.of("aggregateId", "expectedVersion", "number1", "number2", "digit",
            "operator", "", "__proto__", "aggregateId\u0000");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "X");
    private static final List<String> PATHS = List.of("/health", "/commands/", "/aggregates/numbers/", "/aggregates/calculator/",
            "/projections/counter", "/aggregates/numbers/fuzz/envelopes?after=", "/", "//", "/..%2f", "/%");

    @TempDir
    Path dataDir;

    private final Random random = new Random(SEED);

    @Test
    void malformed_oversized_and_mistyped_requests_get_no_5xx_and_write_only_what_they_were_told_was_written()
            throws SQLException {
        List<String> failures = new ArrayList<>();
        int acknowledgedWrites = 0;
        int answered = 0;
        try (LocalRuntime runtime = RuntimeFixture.start(dataDir)) {
            long before = envelopes();
            for (int i = 0; i < REQUESTS; i++) {
                byte[] request = request(i);
                List<RawHttp.Answer> answers = RawHttp.exchangeAll(runtime.baseUri(), request);
                answered += answers.size();
                for (RawHttp.Answer answer : answers) {
                    if (answer.status() >= 500 || answer.status() >= 400 && !answer.isProblem()) {
                        failures.add("#" + i + " " + abbreviate(new String(request, StandardCharsets.ISO_8859_1))
                                + " -> " + answer);
                    }
                    if (answer.status() == 200 && answer.body().contains("\"events\":[{")) {
                        acknowledgedWrites++;
                    }
                }
            }
            assertThat(failures).isEmpty();
            assertThat(answered).as("answers to " + REQUESTS + " requests").isGreaterThanOrEqualTo(REQUESTS * 9 / 10);
            assertThat(acknowledgedWrites).as("commands that wrote (the fuzz reaches the store too)").isPositive();
            assertThat(envelopes() - before).as("envelopes written").isEqualTo(acknowledgedWrites);
            assertThat(ApiClient.to(runtime.baseUri()).get("/health").status()).isEqualTo(200);
        }
    }

    /** One of five kinds in turn, so every kind gets the same share of the seed's requests. */
    private byte[] request(int i) {
        return switch (i % 5) {
            case 4 -> validCommand("{\"aggregateId\":\"fuzz-" + random.nextInt(20) + "\",\"number1\":" + randomJson(5)
                    + ",\"number2\":" + randomJson(5) + "}");
            case 0 -> corrupt(validCommand(randomJson(0)), 1 + random.nextInt(3), 0, 40);
            case 1 -> corrupt(validCommand(randomJson(0)), 1 + random.nextInt(4), 0, Integer.MAX_VALUE);
            case 2 -> oddHeaders();
            default -> validCommand(random.nextInt(3) == 0 ? randomBytes(random.nextInt(2000))
                    : randomJson(0).getBytes(StandardCharsets.UTF_8));
        };
    }

    private byte[] validCommand(String body) {
        return validCommand(body.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] validCommand(byte[] body) {
        String head = "POST /commands/" + pick(COMMANDS) + " HTTP/1.1\r\nHost: x\r\nX-Tenant: fuzz\r\nX-Actor-Id: fuzzer\r\n"
                + "X-Actor-Roles: admin\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    /** Overwrites {@code flips} random bytes between {@code from} and {@code to} (the request line is the first 40). */
    private byte[] corrupt(byte[] request, int flips, int from, int to) {
        byte[] copy = request.clone();
        int end = Math.min(to, copy.length);
        for (int f = 0; f < flips; f++) {
            copy[from + random.nextInt(end - from)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private byte[] oddHeaders() {
        StringBuilder head = new StringBuilder(pick(METHODS) + " " + pick(PATHS) + (random.nextBoolean() ? "" : pick(COMMANDS))
                + " HTTP/1.1\r\nHost: x\r\nX-Tenant: fuzz\r\nX-Actor-Id: fuzzer\r\n");
        String body = randomJson(0);
        switch (random.nextInt(8)) {
            case 0 -> head.append("X-Big: ").append("h".repeat(random.nextInt(40_000))).append("\r\n");
            case 1 -> head.append("Content-Length: ").append(random.nextInt(5000) - 10).append("\r\n");
            case 2 -> head.append("Content-Length: 1\r\nContent-Length: 2\r\n");
            case 3 -> head.append("Transfer-Encoding: ").append(random.nextBoolean() ? "chunked" : "gzip, chunked").append("\r\n");
            case 4 -> head.append("Content-Type: ").append(new String(randomBytes(20), StandardCharsets.ISO_8859_1)).append("\r\n");
            case 5 -> head.append(new String(randomBytes(30), StandardCharsets.ISO_8859_1)).append("\r\n");
            case 6 -> head.append("X-Tenant: other\r\nX-Actor-Roles: ").append("r,".repeat(random.nextInt(3000))).append("\r\n");
            default -> head.append("Expect: 100-continue\r\n");
        }
        head.append("Content-Type: application/json\r\nConnection: close\r\n\r\n").append(body);
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON value of a random shape, mostly objects with the fields commands read, holding values of any type. */
    private String randomJson(int depth) {
        int kind = depth > 4 ? 4 + random.nextInt(5) : random.nextInt(depth == 0 ? 3 : 9);
        return switch (kind) {
            case 0, 1, 2 -> {
                StringBuilder object = new StringBuilder("{");
                for (int n = random.nextInt(5); n >= 0; n--) {
                    object.append('"').append(pick(FIELDS)).append("\":").append(randomJson(depth + 1)).append(n > 0 ? "," : "");
                }
                yield object.append('}').toString();
            }
            case 3 -> "[" + randomJson(depth + 1) + "," + randomJson(depth + 1) + "]";
            case 4 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 5 -> pick(List.of("1e308", "-0", "1.5", "1e-400", "99999999999999999999", "NaN", "0x10"));
            case 6 -> "\"" + pick(List.of("fuzz", "", "a/b", "x".repeat(300), "\\ud800", "+", "7", "\\u0000")) + "\"";
            case 7 -> pick(List.of("true", "false", "null"));
            default -> "\"fuzz-" + random.nextInt(20) + "\"";
        };
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private long envelopes() throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve(SqliteEventStore.FILE_NAME);
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM envelopes")) {
            return count.getLong(1);
        }
    }

    private static String abbreviate(String text) {
        return (text.length() > 120 ? text.substring(0, 120) + "..." : text).replace("\r\n", "|");
    }
}
