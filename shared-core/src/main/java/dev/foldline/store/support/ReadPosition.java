package dev.foldline.store.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A reader's position in a tenant's envelopes on a store that orders them by commit stamp: a
 * watermark (a {@link SortableKeys#time commit stamp}) and the {@link SortableKeys#commitKey
 * commit keys} at or after it that the reader was already given. The next read starts at the
 * watermark and skips the delivered keys, so an envelope that becomes visible late, with a stamp
 * behind ones already read, is still found as long as its stamp is not older than the watermark.
 *
 * <p>The token is deflated and base64url-encoded; its size grows with the number of envelopes
 * committed within the settle window, and shrinks again once they are older than it.
 *
 * @param watermark null for the beginning of the tenant
 * @param delivered commit keys at or after the watermark that the reader was given
 */
public record ReadPosition(String watermark, Set<String> delivered) {

    public static final ReadPosition START = new ReadPosition(null, Set.of());

    private static final String FORMAT = "d1.";

    public ReadPosition {
        delivered = Set.copyOf(delivered);
    }

    /** The watermark as an instant (empty at the start), for stores that query by time. */
    public Optional<Instant> watermarkTime() {
        return Optional.ofNullable(watermark).map(SortableKeys::parseTime);
    }

    public boolean wasDelivered(String commitKey) {
        return delivered.contains(commitKey);
    }

    /**
     * The position after handing out {@code page} (commit keys in commit order). The watermark
     * moves to the older of {@code settledBefore} (a stamp before which no envelope can still
     * become visible: now minus the store's settle window) and, when more remain, the last stamp
     * handed out.
     */
    public ReadPosition after(List<String> page, boolean more, Instant settledBefore) {
        String settled = SortableKeys.time(settledBefore);
        String next = settled;
        if (more && !page.isEmpty()) {
            String lastHandedOut = SortableKeys.stampOf(page.get(page.size() - 1));
            next = lastHandedOut.compareTo(settled) < 0 ? lastHandedOut : settled;
        }
        return advance(next, page);
    }

    /** Moves the watermark and keeps only the delivered keys the next read can still meet. */
    ReadPosition advance(String newWatermark, Collection<String> newlyDelivered) {
        TreeSet<String> kept = new TreeSet<>();
        for (String key : delivered) {
            if (SortableKeys.stampOf(key).compareTo(newWatermark) >= 0) {
                kept.add(key);
            }
        }
        for (String key : newlyDelivered) {
            if (SortableKeys.stampOf(key).compareTo(newWatermark) >= 0) {
                kept.add(key);
            }
        }
        return new ReadPosition(newWatermark, kept);
    }

    public String encode() {
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
        return FORMAT + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * Reads a token made by {@link #encode()}; null or empty is the start.
     *
     * @throws InvalidArgument naming {@code position} for anything else
     */
    public static ReadPosition decode(String token) {
        if (token == null || token.isEmpty()) {
            return START;
        }
        try {
            if (!token.startsWith(FORMAT)) {
                throw new IllegalArgumentException("unknown position format");
            }
            JsonObject json = Json.parseObject(inflate(Base64.getUrlDecoder().decode(token.substring(FORMAT.length()))));
            JsonElement w = json.get("w");
            String watermark = w == null || w.isJsonNull() ? null : w.getAsString();
            Set<String> delivered = new TreeSet<>();
            json.getAsJsonArray("d").forEach(k -> delivered.add(k.getAsString()));
            delivered.forEach(SortableKeys::stampOf);
            if (watermark != null) {
                SortableKeys.parseTime(watermark);
            }
            return new ReadPosition(watermark, delivered);
        } catch (RuntimeException | DataFormatException e) {
            throw new InvalidArgument("position", "not a position of this store: " + e.getMessage());
        }
    }

    private static String inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
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
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            inflater.end();
        }
    }
}
