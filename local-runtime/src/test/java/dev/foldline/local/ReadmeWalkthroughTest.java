package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.foldline.testing.ChildProcess;
import dev.foldline.testing.MarkdownBlocks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module README's walkthrough, run as written: every {@code curl} against the development-mode
 * runtime on port 8080, in order, on one fresh runtime; where the README shows an answer (a
 * {@code # {...}} comment right after the command), that is the answer, compared as JSON, with
 * {@code ...} standing for any value. The JWT mode example, which needs a shell (it signs a token
 * with openssl) and another runtime, is run as written by bash.
 */
class ReadmeWalkthroughTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern DOCUMENTED_ADDRESS = Pattern.compile("^(?:http://)?(?:127\\.0\\.0\\.1|localhost):8080");
    private static final String ANY = "\u0000any value";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void every_documented_command_answers_as_the_readme_shows(@TempDir Path dataDir) throws Exception {
        List<Step> steps = steps(Files.readString(README));
        assertThat(steps).as("curl commands to the runtime on 8080").hasSizeGreaterThanOrEqualTo(10);
        assertThat(steps).filteredOn(step -> step.answer() != null).as("answers shown").hasSizeGreaterThanOrEqualTo(6);

        try (LocalRuntime runtime = RuntimeFixture.start(dataDir)) {
            for (Step step : steps) {
                HttpResponse<String> response = http.send(step.request(runtime.baseUri()),
                        HttpResponse.BodyHandlers.ofString());
                if (step.answer() != null) {
                    JsonElement expected = JsonParser.parseString(step.answer().replaceAll(":\\.\\.\\.", ":\"" + ANY + "\""));
                    assertThat(matches(expected, JsonParser.parseString(response.body())))
                            .as("%s%nanswered %s%nthe README shows %s", step.command(), response.body(), step.answer())
                            .isTrue();
                }
            }
        }
    }

    /**
     * The JWT mode example as written: the runtime started with the settings its command line
     * shows, and the block that signs a token with openssl and sends it, run by bash with the
     * runtime's address in place of 8081.
     */
    @Test
    void the_jwt_example_signs_a_token_with_openssl_and_answers_as_the_readme_shows(@TempDir Path dataDir)
            throws Exception {
        List<String> blocks = MarkdownBlocks.of(Files.readString(README), "bash", "sh");
        String start = blocks.stream().filter(b -> b.contains("AUTH_MODE=jwt") && b.contains("scripts/run-local"))
                .findFirst().orElseThrow().strip();
        String example = blocks.stream().filter(b -> b.contains("Authorization: Bearer")).findFirst().orElseThrow();
        Map<String, String> settings = new HashMap<>();
        for (String word : ShellWords.split(start)) {
            if (word.contains("=")) {
                settings.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
            }
        }
        assertThat(settings).containsEntry("AUTH_MODE", "jwt").containsEntry("PORT", "8081");
        String answer = example.lines().filter(line -> line.startsWith("# {")).reduce((a, b) -> b).orElseThrow().substring(2);

        LocalConfig config = LocalConfig.fromEnvironment(settings);
        try (LocalRuntime runtime = LocalRuntime.start(RuntimeFixture.config(dataDir, config.identity(), config.http()))) {
            String script = example.replace("127.0.0.1:8081", "127.0.0.1:" + runtime.port());
            ChildProcess shell = ChildProcess.run(new ProcessBuilder("bash", "-euo", "pipefail", "-c", script),
                    Duration.ofSeconds(60));

            assertThat(shell.exitCode()).as(shell.output()).isZero();
            assertThat(matches(JsonParser.parseString(answer), JsonParser.parseString(shell.output().strip())))
                    .as("answered %s%nthe README shows %s", shell.output(), answer).isTrue();
        }
    }

    /** The curl commands of the README's shell blocks, continuation lines joined, each with the answer shown after it. */
    private static List<Step> steps(String markdown) {
        List<Step> steps = new ArrayList<>();
        for (String block : MarkdownBlocks.of(markdown, "bash", "sh")) {
            List<String> lines = joinContinuations(block);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.startsWith("curl ") || line.contains("$")) {
                    continue;
                }
                List<String> words = ShellWords.split(line);
                if (words.stream().noneMatch(word -> DOCUMENTED_ADDRESS.matcher(word).find())) {
                    continue;
                }
                String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
                steps.add(new Step(line, words, next.startsWith("# {") ? next.substring(2) : null));
            }
        }
        return steps;
    }

    private static List<String> joinContinuations(String block) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.lines().toList()) {
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1);
            } else {
                lines.add(current.append(line).toString());
                current.setLength(0);
            }
        }
        return lines;
    }

    private static boolean matches(JsonElement expected, JsonElement actual) {
        if (expected.isJsonPrimitive() && expected.getAsJsonPrimitive().isString()
                && expected.getAsString().equals(ANY)) {
            return true;
        }
        if (expected.isJsonObject() && actual.isJsonObject()) {
            JsonObject want = expected.getAsJsonObject();
            JsonObject got = actual.getAsJsonObject();
            return want.keySet().equals(got.keySet())
                    && want.keySet().stream().allMatch(key -> matches(want.get(key), got.get(key)));
        }
        if (expected.isJsonArray() && actual.isJsonArray()) {
            int size = expected.getAsJsonArray().size();
            if (size != actual.getAsJsonArray().size()) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (!matches(expected.getAsJsonArray().get(i), actual.getAsJsonArray().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    /** A curl command of the README, as a request to the runtime under test. */
    private record Step(String command, List<String> words, String answer) {

        HttpRequest request(URI runtime) {
            String method = null;
            String body = null;
            URI target = null;
            HttpRequest.Builder request = HttpRequest.newBuilder();
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i);
                switch (word) {
                    case "-s", "-i" -> { }
                    case "-X" -> method = words.get(++i);
                    case "-d" -> body = words.get(++i);
                    case "-H" -> {
                        String[] header = words.get(++i).split(":\\s*", 2);
                        request.header(header[0], header[1]);
                    }
                    default -> {
                        assertThat(word).as("a curl option this test knows, in %s", command).doesNotStartWith("-");
                        target = runtime.resolve(DOCUMENTED_ADDRESS.matcher(word).replaceFirst(""));
                    }
                }
            }
            assertThat(target).as("the address in %s", command).isNotNull();
            String verb = method != null ? method : body != null ? "POST" : "GET";
            return request.uri(target)
                    .method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }
    }

    /** Splits a command line into words as a shell does for what the README writes: spaces, and single or double quotes. */
    private static final class ShellWords {

        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            char quote = 0;
            for (char c : line.toCharArray()) {
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    word = word == null ? new StringBuilder() : word;
                } else if (Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                } else {
                    word = word == null ? new StringBuilder() : word;
                    word.append(c);
                }
            }
            assertThat(quote).as("quotes closed in %s", line).isEqualTo((char) 0);
            if (word != null) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
