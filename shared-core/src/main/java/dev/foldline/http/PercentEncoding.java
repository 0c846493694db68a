package dev.foldline.http;

import dev.foldline.errors.MalformedRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-decoding of path segments and query parameters; unlike form decoding, '+' stays a plus sign. */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /** @param what names the part of the request in the 400 an invalid encoding gets */
    static String decode(String raw, String what) {
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
                throw new MalformedRequest(what + " has an invalid percent-encoding");
            }
            bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
            i += 2;
        }
        return Utf8.decode(bytes.toByteArray(), what + " once decoded");
    }
}
