package dev.foldline.http;

import dev.foldline.errors.MalformedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a raw path into percent-decoded segments. Decoding happens after splitting, so an id
 * containing an encoded slash stays one segment (and is then rejected by the id rules).
 */
final class PathSegments {

    private PathSegments() {
    }

    static List<String> of(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (!rawPath.startsWith("/")) {
            throw new MalformedRequest("the path must start with /");
        }
        for (String raw : rawPath.substring(1).split("/", -1)) {
            segments.add(PercentEncoding.decode(raw, "the path"));
        }
        return segments;
    }
}
