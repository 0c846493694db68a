package dev.foldline.http;

import dev.foldline.errors.InvalidArgument;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a raw query string, percent-decoded. A parameter given twice is a 400 naming
 * it (which of the two was meant is not for the server to guess); parameters no route reads are
 * ignored.
 */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters of(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentEncoding.decode(equals < 0 ? pair : pair.substring(0, equals), "the query");
            String value = equals < 0 ? "" : PercentEncoding.decode(pair.substring(equals + 1), "the query");
            if (values.putIfAbsent(name, value) != null) {
                throw new InvalidArgument(name, name + " is given more than once");
            }
        }
        return new QueryParameters(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The parameter as an integer from {@code min} to {@code max}, {@code fallback} when absent; else a 400 naming it. */
    long integer(String name, long fallback, long min, long max) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range value
        }
        throw new InvalidArgument(name, name + " must be an integer from " + min + " to " + max);
    }
}
