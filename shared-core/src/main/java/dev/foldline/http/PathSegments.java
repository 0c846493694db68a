package dev.foldline.http;

import dev.foldline.errors.MalformedRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
            segments.add(decode(raw));
        }
        return segments;
    }

    /** RFC 3986 percent-decoding; unlike form decoding, '+' stays a plus sign. */
    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                continue;
            }
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                    || Character.digit(raw.charAt(i + 2), 16) < 0) {
                throw new MalformedRequest("the path has an invalid percent-encoding");
            }
            bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
            i += 2;
        }
        return Utf8.decode(bytes.toByteArray(), "the path once decoded");
    }
}
