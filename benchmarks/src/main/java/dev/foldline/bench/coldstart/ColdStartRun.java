package dev.foldline.bench.coldstart;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** One probe's line, and the medians of many: per cloud, the function against the bare write. */
record ColdStartRun(String cloud, String mode, long builtMillis, long firstAnswerMillis) {

    static ColdStartRun parse(String line) {
        Map<String, String> values = Arrays.stream(line.split("\\s+"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair.length == 2)
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b));
        if (!values.containsKey("first_answer_ms")) {
            throw new IllegalStateException("not a probe line: " + line);
        }
        return new ColdStartRun(values.get("cloud"), values.get("mode"), Long.parseLong(values.get("built_ms")),
                Long.parseLong(values.get("first_answer_ms")));
    }

    String line() {
        return "cloud=" + cloud + " mode=" + mode + " built_ms=" + builtMillis + " first_answer_ms=" + firstAnswerMillis;
    }

    /** name=value lines of the medians and the ratio, then the same as a Markdown table. */
    static String summary(List<ColdStartRun> runs) {
        Map<String, List<ColdStartRun>> byCloud = runs.stream()
                .collect(Collectors.groupingBy(ColdStartRun::cloud, LinkedHashMap::new, Collectors.toList()));
        StringBuilder lines = new StringBuilder();
        StringBuilder table = new StringBuilder("| cloud | runs | function: built ms | function: first answer ms "
                + "| bare: client built ms | bare: first write ms | function / bare |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        byCloud.forEach((cloud, cloudRuns) -> {
            List<ColdStartRun> function = cloudRuns.stream().filter(r -> r.mode().equals("function")).toList();
            List<ColdStartRun> bare = cloudRuns.stream().filter(r -> r.mode().equals("bare")).toList();
            long functionAnswer = median(function, ColdStartRun::firstAnswerMillis);
            long bareAnswer = median(bare, ColdStartRun::firstAnswerMillis);
            String ratio = String.format(Locale.ROOT, "%.2f", (double) functionAnswer / bareAnswer);
            lines.append(cloud).append(".function.built_ms.median=").append(median(function, ColdStartRun::builtMillis)).append('\n')
                    .append(cloud).append(".function.first_answer_ms.median=").append(functionAnswer).append('\n')
                    .append(cloud).append(".bare.built_ms.median=").append(median(bare, ColdStartRun::builtMillis)).append('\n')
                    .append(cloud).append(".bare.first_answer_ms.median=").append(bareAnswer).append('\n')
                    .append(cloud).append(".function_over_bare=").append(ratio).append('\n');
            table.append("| ").append(cloud).append(" | ").append(function.size())
                    .append(" | ").append(median(function, ColdStartRun::builtMillis))
                    .append(" | ").append(functionAnswer)
                    .append(" | ").append(median(bare, ColdStartRun::builtMillis))
                    .append(" | ").append(bareAnswer)
                    .append(" | ").append(ratio).append(" |\n");
        });
        return lines.append('\n').append(table).toString();
    }

    /** The middle value (the lower of the two middle ones for an even count). */
    static long median(List<ColdStartRun> runs, ToLongFunction<ColdStartRun> value) {
        long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
    }
}
