package dev.foldline.gcp.firestore;

import dev.foldline.errors.InvalidArgument;
import dev.foldline.model.StreamId;
import java.nio.charset.StandardCharsets;

/**
 * How tenants, streams, versions and checkpoint keys become Firestore paths.
 *
 * <pre>
 * tenants/{tenant}/envelopes/{type}|{id}|{version, 19 digits}
 * tenants/{tenant}/checkpoints/{key}
 * </pre>
 *
 * The envelope id makes a version unique within its stream ({@code create()} fails on a second
 * one); the envelope's {@code stream} and {@code version} fields serve the queries. Components
 * escape {@code %}, {@code /} and {@code |}, so no id forges another's path. An ordinary tenant
 * stays readable, so that {@code firestore.rules} can compare it with a token claim.
 */
final class DocumentIds {

    static final String TENANTS = "tenants";
    static final String ENVELOPES = "envelopes";
    static final String CHECKPOINTS = "checkpoints";

    /** Firestore's limit on a document id. */
    static final int MAX_ID_BYTES = 1500;

    private DocumentIds() {
    }

    static String tenant(String tenant) {
        return component(tenant);
    }

    /** The id of the stream's envelope at the version. */
    static String envelope(StreamId stream, long version) {
        return checked(streamPrefix(stream) + String.format("%019d", version), "aggregateId");
    }

    /** The stream within its tenant, as the envelope documents' {@code stream} field holds it. */
    static String stream(StreamId stream) {
        return component(stream.aggregateType()) + "|" + component(stream.aggregateId());
    }

    private static String streamPrefix(StreamId stream) {
        return stream(stream) + "|";
    }

    static String checkpoint(String key) {
        return checked(component(key), "key");
    }

    /** The checkpoint key a document id holds. */
    static String checkpointKey(String id) {
        return unescape(id);
    }

    /**
     * Escapes character by character, so the escape of a prefix is a prefix of the escape. A
     * leading {@code .} or {@code _} is always escaped, which rules out the ids Firestore reserves
     * ({@code .}, {@code ..}, {@code __x__}) without breaking that property.
     */
    static String component(String text) {
        if (text.isEmpty()) {
            return "%";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case '/' -> out.append("%2F");
                case '|' -> out.append("%7C");
                case '.' -> out.append(i == 0 ? "%2E" : ".");
                case '_' -> out.append(i == 0 ? "%5F" : "_");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String component) {
        if (component.equals("%")) {
            return "";
        }
        StringBuilder out = new StringBuilder(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '%' && i + 2 < component.length()) {
                out.append((char) Integer.parseInt(component.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String checked(String id, String argument) {
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new InvalidArgument(argument, "too long for a Firestore document id (" + MAX_ID_BYTES
                    + " bytes escaped)");
        }
        return id;
    }
}
