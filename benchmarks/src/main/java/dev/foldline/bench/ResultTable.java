package dev.foldline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The results as rows of one set of columns, rendered as aligned text or as a Markdown table. */
public final class ResultTable {

    private record Column(String header, boolean numeric, Function<ScenarioResult, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("store", false, ScenarioResult::store),
            new Column("scenario", false, r -> r.scenario().label()),
            new Column("threads", true, r -> Integer.toString(r.threads())),
            new Column("commands", true, r -> Integer.toString(r.commands())),
            new Column("cmd/s", true, r -> format("%.0f", r.commandsPerSecond())),
            new Column("p50 ms", true, r -> millis(r.latencies().p50Nanos())),
            new Column("p99 ms", true, r -> millis(r.latencies().p99Nanos())),
            new Column("load/cmd", true, r -> ratio(r.perCommand(r.calls().loads()))),
            new Column("append/cmd", true, r -> ratio(r.perCommand(r.calls().appends()))),
            new Column("read/cmd", true, r -> ratio(r.perCommand(r.calls().reads()))),
            new Column("readAll/cmd", true, r -> ratio(r.perCommand(r.calls().readAlls()))),
            new Column("conflicts", true, r -> Long.toString(r.calls().conflicts())),
            new Column("failed", true, r -> Integer.toString(r.failed())),
            new Column("SDK requests/cmd", false, ResultTable::sdkRequests),
            new Column("RU/cmd", true, r -> r.requestUnits().map(units -> ratio(r.perCommand(units))).orElse("-")));

    private final List<ScenarioResult> results;

    public ResultTable(List<ScenarioResult> results) {
        this.results = List.copyOf(results);
    }

    public String text() {
        List<List<String>> rows = rows();
        int[] widths = new int[COLUMNS.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < widths.length; c++) {
                String cell = rows.get(r).get(c);
                String padding = " ".repeat(widths[c] - cell.length());
                cells.add(COLUMNS.get(c).numeric() ? padding + cell : cell + padding);
            }
            out.append(String.join("  ", cells).stripTrailing()).append('\n');
            if (r == 0) {
                out.append("-".repeat(Math.max(0, out.length() - 1))).append('\n');
            }
        }
        return out.toString();
    }

    public String markdown() {
        List<List<String>> rows = rows();
        StringBuilder out = new StringBuilder();
        out.append(markdownRow(rows.get(0)));
        out.append(markdownRow(COLUMNS.stream().map(c -> c.numeric() ? "---:" : "---").toList()));
        rows.subList(1, rows.size()).forEach(row -> out.append(markdownRow(row)));
        return out.toString();
    }

    /** The header row first, then one row per result. */
    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS.stream().map(Column::header).toList());
        for (ScenarioResult result : results) {
            rows.add(COLUMNS.stream().map(c -> c.value().apply(result)).toList());
        }
        return rows;
    }

    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** Total per command, then per operation, e.g. "2.00 (PutItem 1.00, Query 1.00)"; "-" without an SDK. */
    private static String sdkRequests(ScenarioResult result) {
        if (result.sdkRequests().isEmpty()) {
            return "-";
        }
        Map<String, Long> byOperation = result.sdkRequests().get();
        String operations = byOperation.entrySet().stream()
                .map(e -> e.getKey() + " " + ratio(result.perCommand(e.getValue())))
                .collect(Collectors.joining(", "));
        String total = ratio(result.sdkRequestsPerCommand().orElse(0.0));
        return operations.isEmpty() ? total : total + " (" + operations + ")";
    }

    private static String millis(long nanos) {
        return format("%.2f", nanos / 1e6);
    }

    private static String ratio(double value) {
        return format("%.2f", value);
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
