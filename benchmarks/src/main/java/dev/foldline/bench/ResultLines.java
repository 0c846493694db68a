package dev.foldline.bench;

import java.util.List;
import java.util.Locale;

/** The results as name=value lines ({@code bench.STORE.SCENARIO.FIGURE}), for scripts and CI logs. */
public final class ResultLines {

    private ResultLines() {
    }

    public static String of(List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder();
        for (ScenarioResult result : results) {
            String prefix = "bench." + slug(result.store()) + "." + result.scenario().label() + ".";
            line(out, prefix + "cmd_per_s", result.commandsPerSecond());
            line(out, prefix + "p50_ms", result.latencies().p50Nanos() / 1e6);
            line(out, prefix + "p99_ms", result.latencies().p99Nanos() / 1e6);
            line(out, prefix + "appends_per_cmd", result.perCommand(result.calls().appends()));
            line(out, prefix + "loads_per_cmd", result.perCommand(result.calls().loads()));
            out.append(prefix).append("failed=").append(result.failed()).append('\n');
            result.sdkRequestsPerCommand().ifPresent(perCommand -> line(out, prefix + "sdk_requests_per_cmd", perCommand));
        }
        return out.toString();
    }

    /** "DynamoDbEventStore (apache client)" becomes "dynamodbeventstore-apache-client". */
    static String slug(String store) {
        return store.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static void line(StringBuilder out, String name, double value) {
        out.append(String.format(Locale.ROOT, "%s=%.3f%n", name, value));
    }
}
