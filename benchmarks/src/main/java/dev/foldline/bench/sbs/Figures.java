package dev.foldline.bench.sbs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The name=value lines a driver printed, numbers by name, in the order printed. */
public record Figures(Map<String, Double> values) {

    public Figures {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Reads {@code name=value} lines; other lines (a library's chatter) are ignored. */
    public static Figures parse(String output) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.indexOf(' ') < 0) {
                try {
                    values.put(line.substring(0, equals), Double.parseDouble(line.substring(equals + 1)));
                } catch (NumberFormatException notAFigure) {
                    // not one of ours
                }
            }
        }
        return new Figures(values);
    }

    public Optional<Double> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public double require(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("the driver printed no " + name + "; it printed " + values.keySet());
        }
        return value;
    }
}
