package dev.foldline.aws.dynamodb;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A reader's position in a tenant's envelopes: a watermark (a commit-stamp prefix of the tenant
 * index sort key) and the index keys at or after it that the reader was already given. The next
 * read starts at the watermark and skips the delivered keys, so an envelope that becomes visible
 * late, with a stamp behind ones already read, is still found as long as its stamp is not older
 * than the watermark. The token is deflated and base64url-encoded; its size grows with the
 * number of envelopes committed within the settle window.
 *
 * @param watermark null for the beginning of the tenant
 */
record ReadPosition(String watermark, Set<String> delivered) {

    static final ReadPosition START = new ReadPosition(null, Set.of());

    ReadPosition {
        delivered = Set.copyOf(delivered);
    }

    /** Moves the watermark and keeps only the delivered keys the next read can still meet. */
    ReadPosition advance(String newWatermark, Collection<String> newlyDelivered) {
        TreeSet<String> kept = new TreeSet<>();
        for (String key : delivered) {
            if (Keys.timeOf(key).compareTo(newWatermark) >= 0) {
                kept.add(key);
            }
        }
        for (String key : newlyDelivered) {
            if (Keys.timeOf(key).compareTo(newWatermark) >= 0) {
                kept.add(key);
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
        byte[] raw = Json.write(json).getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return "d1." + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    static ReadPosition decode(String token) {
        if (token == null || token.isEmpty()) {
            return START;
        }
        try {
            if (!token.startsWith("d1.")) {
                throw new IllegalArgumentException("unknown position format");
            }
            byte[] compressed = Base64.getUrlDecoder().decode(token.substring(3));
            Inflater inflater = new Inflater(true);
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            inflater.end();
            JsonObject json = Json.parseObject(out.toString(StandardCharsets.UTF_8));
            String watermark = json.get("w") == null || json.get("w").isJsonNull() ? null : json.get("w").getAsString();
            Set<String> delivered = new TreeSet<>();
            json.getAsJsonArray("d").forEach(k -> delivered.add(k.getAsString()));
            return new ReadPosition(watermark, delivered);
        } catch (RuntimeException | DataFormatException e) {
            throw new InvalidArgument("position", "not a position of this store: " + e.getMessage());
        }
    }
}
