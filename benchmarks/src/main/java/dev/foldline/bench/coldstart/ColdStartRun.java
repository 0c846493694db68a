package dev.foldline.bench.coldstart;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** One probe's line, and the medians of many: per cloud, the function against the bare write. */
record ColdStartRun(String cloud, String mode, long builtMillis, long firstAnswerMillis, long cpuMillis) {

    static ColdStartRun parse(String line) {
        Map<String, String> values = Arrays.stream(line.split("\\s+"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair.length == 2)
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b));
        if (!values.containsKey("first_answer_ms") || !values.containsKey("cpu_ms")) {
            throw new IllegalStateException("not a probe line: " + line);
        }
        return new ColdStartRun(values.get("cloud"), values.get("mode"), Long.parseLong(values.get("built_ms")),
                Long.parseLong(values.get("first_answer_ms")), Long.parseLong(values.get("cpu_ms")));
    }

    String line() {
        return "cloud=" + cloud + " mode=" + mode + " built_ms=" + builtMillis + " first_answer_ms=" + firstAnswerMillis
                + " cpu_ms=" + cpuMillis;
    }

    /** name=value lines of the medians and the ratios (wall and CPU), then the same as a Markdown table. */
    static String summary(List<ColdStartRun> runs) {
        Map<String, List<ColdStartRun>> byCloud = runs.stream()
                .collect(Collectors.groupingBy(ColdStartRun::cloud, LinkedHashMap::new, Collectors.toList()));
        StringBuilder lines = new StringBuilder();
        StringBuilder table = new StringBuilder("| cloud | runs | function: built ms | function: first answer ms "
                + "| bare: client built ms | bare: first write ms | function / bare | function: CPU ms | bare: CPU ms "
                + "| function / bare (CPU) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        byCloud.forEach((cloud, cloudRuns) -> {
            List<ColdStartRun> function = cloudRuns.stream().filter(r -> r.mode().equals("function")).toList();
            List<ColdStartRun> bare = cloudRuns.stream().filter(r -> r.mode().equals("bare")).toList();
            long functionAnswer = median(function, ColdStartRun::firstAnswerMillis);
            long bareAnswer = median(bare, ColdStartRun::firstAnswerMillis);
            String ratio = ratio(functionAnswer, bareAnswer);
            long functionCpu = median(function, ColdStartRun::cpuMillis);
            long bareCpu = median(bare, ColdStartRun::cpuMillis);
            String cpuRatio = ratio(functionCpu, bareCpu);
            lines.append(cloud).append(".function.built_ms.median=").append(median(function, ColdStartRun::builtMillis)).append('\n')
                    .append(cloud).append(".function.first_answer_ms.median=").append(functionAnswer).append('\n')
                    // the first request's own time on a new instance: what warmup or priming can shorten
                    .append(cloud).append(".function.answer_after_built_ms.median=")
                    .append(median(function, run -> run.firstAnswerMillis() - run.builtMillis())).append('\n')
                    .append(cloud).append(".bare.built_ms.median=").append(median(bare, ColdStartRun::builtMillis)).append('\n')
                    .append(cloud).append(".bare.first_answer_ms.median=").append(bareAnswer).append('\n')
                    .append(cloud).append(".function_over_bare=").append(ratio).append('\n')
                    .append(cloud).append(".function.cpu_ms.median=").append(functionCpu).append('\n')
                    .append(cloud).append(".bare.cpu_ms.median=").append(bareCpu).append('\n')
                    .append(cloud).append(".function_over_bare.cpu=").append(cpuRatio).append('\n');
            table.append("| ").append(cloud).append(" | ").append(function.size())
                    .append(" | ").append(median(function, ColdStartRun::builtMillis))
                    .append(" | ").append(functionAnswer)
                    .append(" | ").append(median(bare, ColdStartRun::builtMillis))
                    .append(" | ").append(bareAnswer)
                    .append(" | ").append(ratio)
                    .append(" | ").append(functionCpu)
                    .append(" | ").append(bareCpu)
                    .append(" | ").append(cpuRatio).append(" |\n");
        });
        return lines.append('\n').append(table).toString();
    }

    private static String ratio(long over, long under) {
        return String.format(Locale.ROOT, "%.2f", (double) over / under);
    }

    /** The middle value (the lower of the two middle ones for an even count). */
    static long median(List<ColdStartRun> runs, ToLongFunction<ColdStartRun> value) {
        long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
    }
}
