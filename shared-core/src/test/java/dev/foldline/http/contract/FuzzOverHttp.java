package dev.foldline.http.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.foldline.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Malformed, oversized and mistyped requests through the adapter's own request translation, from a
 * fixed seed: never a 5xx, every error a problem, and no write but those answered 200. (The local
 * runtime also fuzzes raw bytes below HTTP; requests here are ones its platform could deliver.)
 */
public interface FuzzOverHttp extends HttpFixture {

    int FUZZED_REQUESTS = 300;
    List<String> COMMANDS = List.of("AddNumbers", "SubtractNumbers", "PressDigit", "PressDot", "PressOperator",
            "PressEquals", "NoSuchCommand", "", "%41ddNumbers", "AddNumbers/extra");
    List<String> IDS = List.of("f1", "f2", "f%2F3", "f%204", "");

    @Test
    default void fuzzed_requests_never_get_a_5xx_and_write_only_what_was_answered_200() {
        Random random = new Random(20261202L);
        Caller caller = Caller.inFreshTenant("manager");
        Map<String, Integer> writes = new HashMap<>();
        for (int i = 0; i < FUZZED_REQUESTS; i++) {
            String command = pick(random, COMMANDS);
            ContractRequest request = switch (random.nextInt(4)) {
                case 0 -> new ContractRequest(pick(random, List.of("GET", "PUT", "DELETE", "PATCH", "POST")),
                        "/aggregates/" + pick(random, List.of("numbers", "calculator", "nope", "numbers%2Fx"))
                                + "/" + pick(random, IDS) + pick(random, List.of("", "/envelopes", "/envelopes?limit="
                                + random.nextInt(3000) + "&after=" + (random.nextInt(20) - 5), "/x", "?a=%41")),
                        Map.of(), new byte[0], random.nextInt(10) == 0 ? Optional.empty()
                                : Optional.of(caller));
                default -> new ContractRequest("POST", "/commands/" + command, headers(random),
                        body(random).getBytes(StandardCharsets.UTF_8),
                        random.nextInt(10) == 0 ? Optional.empty() : Optional.of(caller));
            };
            ContractResponse response = client().send(request);

            assertThat(response.status()).as(request.method() + " " + request.target() + " -> " + response).isLessThan(500);
            if (response.status() >= 400 && !platformAnswersItself(request)) {
                assertThat(response.contentType()).as(request.method() + " " + request.target() + " "
                        + request.headers() + " -> " + response).isEqualTo("application/problem+json");
            } else if (request.method().equals("POST") && response.status() == 200
                    && response.json().getAsJsonArray("events").size() > 0 && response.header("Idempotent-Replayed").isEmpty()) {
                writes.merge(typeOf(request.path()) + "/" + response.aggregateId(), 1, Integer::sum);
            }
        }

        assertThat(writes).as("the fuzz reached the write path").isNotEmpty();
        Session session = as(caller);
        writes.forEach((aggregate, count) -> {
            String[] typeAndId = aggregate.split("/", 2);
            String target = "/aggregates/" + typeAndId[0] + "/" + encoded(typeAndId[1]) + "/envelopes";
            if (platformAnswersItself(new ContractRequest("GET", target, Map.of(), null, Optional.of(caller)))) {
                return; // an id this platform cannot put in a path; the others are counted
            }
            ContractResponse ledger = session.get(target);
            assertThat(ledger.status()).as(target + " -> " + ledger).isEqualTo(200);
            assertThat(ledger.json().getAsJsonArray("envelopes").size()).as(aggregate).isEqualTo(count);
        });
        for (String type : List.of("numbers", "calculator")) {
            for (String id : List.of("f1", "f2")) {
                if (!writes.containsKey(type + "/" + id)) {
                    assertThat(session.get("/aggregates/" + type + "/" + id + "/envelopes").status())
                            .as(type + "/" + id + " was never answered 200, so it holds nothing").isEqualTo(404);
                }
            }
        }
    }

    /** A path segment: everything but unreserved characters percent-encoded as UTF-8. */
    private static String encoded(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String typeOf(String path) {
        return path.contains("Press") ? "calculator" : "numbers";
    }

    private static Map<String, String> headers(Random random) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", pick(random, List.of("application/json", "application/json; charset=utf-8",
                "text/plain", "application/problem+json", "application/x-www-form-urlencoded", "*/*", "")));
        if (random.nextInt(4) == 0) {
            headers.put("Idempotency-Key", pick(random, List.of("k1", "k2", "", "x".repeat(300), "k e y", "k\u00e9")));
        }
        return headers;
    }

    private static String body(Random random) {
        String id = pick(random, IDS);
        List<String> valid = List.of(
                "{\"aggregateId\":\"" + id + "\",\"number1\":" + random.nextInt(10) + ",\"number2\":" + random.nextInt(10) + "}",
                "{\"aggregateId\":\"" + id + "\",\"digit\":\"" + random.nextInt(10) + "\"}",
                "{\"aggregateId\":\"" + id + "\",\"operator\":\"" + pick(random, List.of("+", "-", "*", "/", "^")) + "\"}",
                "{\"aggregateId\":\"" + id + "\",\"expectedVersion\":" + (random.nextInt(6) - 2) + ",\"number1\":1,\"number2\":1}");
        String chosen = pick(random, valid);
        return switch (random.nextInt(9)) {
            case 0 -> chosen;
            case 1 -> chosen.substring(0, random.nextInt(chosen.length()));
            case 2 -> chosen.replace("1", pick(random, List.of("1e400", "-0", "1.5", "\"1\"", "null", "[1]", "{}",
                    "99999999999999999999", "NaN", "Infinity", "true")));
            case 3 -> "[".repeat(random.nextInt(300)) + "]".repeat(random.nextInt(300));
            case 4 -> "{\"a\":" + "{\"a\":".repeat(random.nextInt(100)) + "1" + "}".repeat(random.nextInt(102));
            case 5 -> random.ints(random.nextInt(200), 0, 0x3000).collect(StringBuilder::new,
                    StringBuilder::appendCodePoint, StringBuilder::append).toString();
            case 6 -> chosen.replace("\"aggregateId\"", pick(random, List.of("\"tenant\"", "\"aggregateId\\u0000\"",
                    "\"aggregateId\",\"aggregateId\"")));
            case 7 -> "";
            default -> {
                JsonObject wide = Json.parseObject(valid.get(0));
                for (int member = 0; member < random.nextInt(50); member++) {
                    wide.addProperty("m" + member, "v".repeat(random.nextInt(100)));
                }
                yield Json.write(wide);
            }
        };
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
