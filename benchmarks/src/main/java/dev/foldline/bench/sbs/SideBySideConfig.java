package dev.foldline.bench.sbs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * How the side-by-side run is sized, from system properties:
 *
 * <ul>
 *   <li>{@code bench.sbs.rounds} (3): measurements of each side per client count;</li>
 *   <li>{@code bench.sbs.clients} ({@code 1,8,32}): concurrent clients;</li>
 *   <li>{@code bench.sbs.warmup} (2000) and {@code bench.sbs.commands} (2000): commands per measurement,
 *       split over the clients;</li>
 *   <li>{@code bench.sbs.jvmFlags} ({@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, what template.yaml gives the
 *       functions): flags of Foldline's driver JVM, space separated;</li>
 *   <li>{@code bench.sbs.original} ({@code benchmarks/original}) and {@code bench.sbs.node} ({@code node}).</li>
 * </ul>
 */
public record SideBySideConfig(int rounds, List<Integer> clients, int warmup, int commands, List<String> jvmFlags,
                               Path originalFolder, String node, Optional<Path> output) {

    public SideBySideConfig {
        if (rounds < 1 || clients.isEmpty() || clients.stream().anyMatch(c -> c < 1) || warmup < 0 || commands < 1) {
            throw new IllegalArgumentException("bench.sbs.rounds >= 1, bench.sbs.clients >= 1 each, "
                    + "bench.sbs.warmup >= 0, bench.sbs.commands >= 1");
        }
        clients = List.copyOf(clients);
        jvmFlags = List.copyOf(jvmFlags);
    }

    public static SideBySideConfig from(Properties properties, String[] args) {
        String output = args.length > 0 ? args[0] : properties.getProperty("bench.output");
        return new SideBySideConfig(
                number(properties, "bench.sbs.rounds", 3),
                list(properties.getProperty("bench.sbs.clients", "1,8,32"), ",").stream()
                        .map(value -> parse("bench.sbs.clients", value)).toList(),
                number(properties, "bench.sbs.warmup", 2000),
                number(properties, "bench.sbs.commands", 2000),
                list(properties.getProperty("bench.sbs.jvmFlags", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"), " "),
                Path.of(properties.getProperty("bench.sbs.original", "benchmarks/original")).toAbsolutePath(),
                properties.getProperty("bench.sbs.node", "node"),
                Optional.ofNullable(output).filter(s -> !s.isBlank()).map(Path::of));
    }

    private static List<String> list(String value, String separator) {
        return Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int number(Properties properties, String name, int fallback) {
        String value = properties.getProperty(name);
        return value == null || value.isBlank() ? fallback : parse(name, value);
    }

    private static int parse(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be whole numbers, was " + value, e);
        }
    }
}
