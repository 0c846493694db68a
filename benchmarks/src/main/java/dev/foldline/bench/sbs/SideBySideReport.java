package dev.foldline.bench.sbs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Medians over the rounds of every figure, per client count and side, and the ratios the goals
 * are stated in (issue 13): Foldline over the original for commands/s, p50, p99 and CPU per
 * command, and Foldline's p50 over the floor's, each the median of the rounds' own ratios.
 */
public final class SideBySideReport {

    private final List<Measurement> measurements;
    private final Map<Integer, Map<Side, Figures>> medians = new LinkedHashMap<>();

    public SideBySideReport(List<Measurement> measurements) {
        this.measurements = List.copyOf(measurements);
        Set<Integer> clientCounts = new TreeSet<>();
        measurements.forEach(m -> clientCounts.add(m.clients()));
        for (int clients : clientCounts) {
            Map<Side, Figures> bySide = new LinkedHashMap<>();
            for (Side side : Side.values()) {
                List<Figures> runs = measurements.stream()
                        .filter(m -> m.clients() == clients && m.side() == side).map(Measurement::figures).toList();
                if (!runs.isEmpty()) {
                    bySide.put(side, median(runs));
                }
            }
            medians.put(clients, bySide);
        }
    }

    /** Each figure's median over the runs that printed it (the mean of the middle two for an even count). */
    static Figures median(List<Figures> runs) {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(run -> names.addAll(run.values().keySet()));
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : names) {
            double[] sorted = runs.stream().flatMap(run -> run.get(name).stream()).mapToDouble(Double::doubleValue)
                    .sorted().toArray();
            int middle = sorted.length / 2;
            values.put(name, sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
        }
        return new Figures(values);
    }

    /**
     * The ratios by name, per client count: cmd_per_s, p50, p99 and cpu_per_cmd (Foldline over the
     * original), floor_p50 (Foldline over its floor). Each is the median over the rounds of that
     * round's ratio: the two sides of a round run one right after the other, so a machine whose speed
     * drifts over minutes moves both alike, where a ratio of the two sides' medians could pair a fast
     * minute of one side with a slow minute of the other.
     */
    public Map<Integer, Map<String, Double>> ratios() {
        Map<Integer, Map<String, Double>> ratios = new LinkedHashMap<>();
        medians.keySet().forEach(clients -> {
            List<Figures> roundRatios = new ArrayList<>();
            for (List<Measurement> round : roundsOf(clients)) {
                roundRatios.add(roundRatios(round));
            }
            ratios.put(clients, median(roundRatios).values());
        });
        return ratios;
    }

    private List<List<Measurement>> roundsOf(int clients) {
        Map<Integer, List<Measurement>> byRound = new TreeMap<>();
        measurements.stream().filter(m -> m.clients() == clients)
                .forEach(m -> byRound.computeIfAbsent(m.round(), r -> new ArrayList<>()).add(m));
        return List.copyOf(byRound.values());
    }

    private static Figures roundRatios(List<Measurement> round) {
        Figures foldline = side(round, Side.FOLDLINE);
        Figures original = side(round, Side.ORIGINAL);
        Map<String, Double> byName = new LinkedHashMap<>();
        if (foldline != null && original != null) {
            byName.put("cmd_per_s", foldline.require("cmd_per_s") / original.require("cmd_per_s"));
            byName.put("p50", foldline.require("p50_ms") / original.require("p50_ms"));
            byName.put("p99", foldline.require("p99_ms") / original.require("p99_ms"));
            cpuPerCommand(foldline).ifPresent(f -> cpuPerCommand(original).ifPresent(
                    o -> byName.put("cpu_per_cmd", f / o)));
        }
        if (foldline != null) {
            byName.put("floor_p50", foldline.require("p50_ms") / foldline.require("floor.p50_ms"));
        }
        return new Figures(byName);
    }

    private static Figures side(List<Measurement> round, Side side) {
        return round.stream().filter(m -> m.side() == side).map(Measurement::figures).findFirst().orElse(null);
    }

    /** Client and server CPU per command together: what one command costs the machine. */
    static Optional<Double> cpuPerCommand(Figures figures) {
        return figures.get("client_cpu_us_per_cmd")
                .flatMap(client -> figures.get("server_cpu_us_per_cmd").map(server -> client + server));
    }

    /** Every median and ratio as name=value lines. */
    public String lines() {
        StringBuilder out = new StringBuilder();
        medians.forEach((clients, bySide) -> bySide.forEach((side, figures) -> figures.values().forEach(
                (name, value) -> out.append(String.format(Locale.ROOT, "sbs.clients%d.%s.%s=%s%n",
                        clients, side.label(), name, number(value))))));
        ratios().forEach((clients, byName) -> byName.forEach((name, value) -> out.append(
                String.format(Locale.ROOT, "sbs.clients%d.ratio.%s=%.2f%n", clients, name, value))));
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(row("clients", "Foldline cmd/s", "original cmd/s", "ratio (goal >= 2)",
                "Foldline p50 ms", "original p50 ms", "ratio (goal <= 0.5 at 1)",
                "Foldline p99 ms", "original p99 ms", "ratio (goal <= 0.5 at 8, 32)",
                "requests/cmd Foldline / original", "floor p50 ms", "Foldline p50 / floor (goal <= 1.5)",
                "CPU µs/cmd client + server, Foldline", "original", "floor", "ratio"));
        out.append(row("---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:",
                "---:", "---:", "---:", "---:", "---:"));
        Map<Integer, Map<String, Double>> ratios = ratios();
        medians.forEach((clients, bySide) -> {
            Figures f = bySide.getOrDefault(Side.FOLDLINE, new Figures(Map.of()));
            Figures o = bySide.getOrDefault(Side.ORIGINAL, new Figures(Map.of()));
            Map<String, Double> r = ratios.get(clients);
            out.append(row(Integer.toString(clients),
                    cell(f, "cmd_per_s", "%.0f"), cell(o, "cmd_per_s", "%.0f"), ratio(r, "cmd_per_s"),
                    cell(f, "p50_ms", "%.2f"), cell(o, "p50_ms", "%.2f"), ratio(r, "p50"),
                    cell(f, "p99_ms", "%.2f"), cell(o, "p99_ms", "%.2f"), ratio(r, "p99"),
                    cell(f, "requests_per_cmd", "%.2f") + " / " + cell(o, "requests_per_cmd", "%.2f"),
                    cell(f, "floor.p50_ms", "%.2f"), ratio(r, "floor_p50"),
                    cpuCell(f, ""), cpuCell(o, ""), cpuCell(f, "floor."), ratio(r, "cpu_per_cmd")));
        });
        out.append('\n').append(capacityMarkdown());
        return out.toString();
    }

    /** Capacity units per command by side, scenario and operation (table + indexes), at the first client count. */
    private String capacityMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append(row("side", "commands", "operation", "table units/cmd", "index units/cmd"));
        out.append(row("---", "---", "---", "---:", "---:"));
        Map<Side, Figures> first = medians.values().stream().findFirst().orElse(Map.of());
        first.forEach((side, figures) -> figures.values().forEach((name, value) -> {
            String[] parts = name.split("\\.");
            if (parts.length == 4 && parts[0].equals("capacity") && parts[3].equals("table")) {
                String prefix = String.join(".", Arrays.copyOf(parts, 3));
                out.append(row(side.label(), parts[1], parts[2], number(value),
                        number(figures.get(prefix + ".indexes").orElse(0.0))));
            }
        }));
        return out.toString();
    }

    private static String cell(Figures figures, String name, String format) {
        return figures.get(name).map(v -> String.format(Locale.ROOT, format, v)).orElse("-");
    }

    private static String cpuCell(Figures figures, String prefix) {
        return figures.get(prefix + "client_cpu_us_per_cmd").map(client -> String.format(Locale.ROOT, "%.0f + %s",
                client, cell(figures, prefix + "server_cpu_us_per_cmd", "%.0f"))).orElse("-");
    }

    private static String ratio(Map<String, Double> ratios, String name) {
        Double value = ratios == null ? null : ratios.get(name);
        return value == null ? "-" : String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String row(String... cells) {
        List<String> all = new ArrayList<>(Arrays.asList(cells));
        return "| " + String.join(" | ", all) + " |\n";
    }
}
