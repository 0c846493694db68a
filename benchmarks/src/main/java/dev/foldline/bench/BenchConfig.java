package dev.foldline.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * How much to run, from system properties (defaults keep a full run of all stores under about
 * two minutes on a 2-core machine):
 *
 * <ul>
 *   <li>{@code bench.commands} (500): measured commands per scenario and store, split over the threads;</li>
 *   <li>{@code bench.warmup} (200): unmeasured commands run first, on other aggregates;</li>
 *   <li>{@code bench.threads} (4): threads of the contended and parallel scenarios;</li>
 *   <li>{@code bench.stores} ({@code memory,sqlite,dynamodb}): which stores, in order;</li>
 *   <li>{@code bench.output}: a file for the Markdown report (the first program argument wins).</li>
 * </ul>
 */
public record BenchConfig(int commands, int warmup, int threads, List<String> stores, Optional<Path> output) {

    public BenchConfig {
        if (commands < 1 || warmup < 0 || threads < 1 || stores.isEmpty()) {
            throw new IllegalArgumentException("bench.commands >= 1, bench.warmup >= 0, bench.threads >= 1, "
                    + "bench.stores not empty");
        }
        stores = List.copyOf(stores);
    }

    public static BenchConfig from(Properties properties, String[] args) {
        String output = args.length > 0 ? args[0] : properties.getProperty("bench.output");
        return new BenchConfig(
                number(properties, "bench.commands", 500),
                number(properties, "bench.warmup", 200),
                number(properties, "bench.threads", 4),
                Arrays.stream(properties.getProperty("bench.stores", "memory,sqlite,dynamodb").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                Optional.ofNullable(output).filter(s -> !s.isBlank()).map(Path::of));
    }

    private static int number(Properties properties, String name, int fallback) {
        String value = properties.getProperty(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, was " + value, e);
        }
    }
}
