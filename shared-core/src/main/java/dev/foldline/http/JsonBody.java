package dev.foldline.http;

import dev.foldline.errors.TooLarge;
import dev.foldline.errors.UnsupportedMediaType;
import dev.foldline.json.Payload;
import java.util.Locale;

/** Turns a request body into a payload, or into the 413, 415 or 400 the contract names. */
final class JsonBody {

    private JsonBody() {
    }

    /** An empty body is an empty object, so commands without input need no body and no content type. */
    static Payload parse(HttpRequest request, HttpOptions options) {
        byte[] body = request.body();
        if (body.length > options.maxBodyBytes()) {
            throw new TooLarge("the body exceeds the limit of " + options.maxBodyBytes() + " bytes");
        }
        if (body.length == 0) {
            return Payload.empty();
        }
        String contentType = request.header("Content-Type").orElse("");
        if (!isJson(contentType)) {
            throw new UnsupportedMediaType("the body must be application/json, not "
                    + (contentType.isBlank() ? "untyped" : contentType));
        }
        Payload payload = Payload.parse(Utf8.decode(body, "the body"));
        payload.requireWithin(options.maxJsonDepth(), options.maxJsonMembers());
        return payload;
    }

    /** {@code application/json} or any {@code application/*+json}, with or without parameters. */
    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }
}
