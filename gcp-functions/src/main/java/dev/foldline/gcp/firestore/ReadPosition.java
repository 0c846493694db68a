package dev.foldline.gcp.firestore;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A reader's position in a tenant's envelopes: a watermark (a commit stamp, as {@link Stamps} text)
 * and the envelopes at or after it the reader was already given, as {@code stamp#documentId} keys.
 * The next read starts at the watermark and skips those, so an envelope that becomes visible late
 * with a stamp behind ones already read is still found, as long as its stamp is not older than the
 * watermark. The token is base64url JSON; it grows with the envelopes stamped within the settle
 * window.
 *
 * <p>Kept here until the core's cloud-neutral store support (issue 9) holds the same idea.
 *
 * @param watermark null for the beginning of the tenant
 */
record ReadPosition(String watermark, Set<String> delivered) {

    static final ReadPosition START = new ReadPosition(null, Set.of());
    private static final String FORMAT = "f1.";

    ReadPosition {
        delivered = Set.copyOf(delivered);
    }

    static String key(String stamp, String documentId) {
        return stamp + "#" + documentId;
    }

    static String stampOf(String key) {
        return key.substring(0, key.indexOf('#'));
    }

    /** Moves the watermark and keeps only the delivered keys the next read can still meet. */
    ReadPosition advance(String newWatermark, Collection<String> newlyDelivered) {
        TreeSet<String> kept = new TreeSet<>();
        for (Collection<String> keys : java.util.List.of(delivered, newlyDelivered)) {
            for (String key : keys) {
                if (stampOf(key).compareTo(newWatermark) >= 0) {
                    kept.add(key);
                }
            }
        }
        return new ReadPosition(newWatermark, kept);
    }

    String encode() {
        JsonObject json = new JsonObject();
        json.addProperty("w", watermark);
        JsonArray keys = new JsonArray();
        new TreeSet<>(delivered).forEach(keys::add);
        json.add("d", keys);
        return FORMAT + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    static ReadPosition decode(String token) {
        if (token == null || token.isEmpty()) {
            return START;
        }
        try {
            if (!token.startsWith(FORMAT)) {
                throw new IllegalArgumentException("unknown position format");
            }
            String text = new String(Base64.getUrlDecoder().decode(token.substring(FORMAT.length())),
                    StandardCharsets.UTF_8);
            JsonObject json = Json.parseObject(text);
            String watermark = json.get("w") == null || json.get("w").isJsonNull() ? null : json.get("w").getAsString();
            Set<String> delivered = new TreeSet<>();
            json.getAsJsonArray("d").forEach(k -> delivered.add(k.getAsString()));
            delivered.forEach(ReadPosition::stampOf);
            return new ReadPosition(watermark, delivered);
        } catch (RuntimeException e) {
            throw new InvalidArgument("position", "not a position of this store: " + e.getMessage());
        }
    }
}
