package dev.foldline.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.foldline.model.RecordedKey;
import dev.foldline.model.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a snapshot. Without remembered keys and attempt it is the state JSON itself,
 * as snapshots were stored before those existed; otherwise it is an object marked {@value #MARK}
 * that wraps the state, so both forms read back.
 *
 * <p>The state is copied into and out of the wrapper as text, never parsed: it is written first,
 * right after the mark, so a reader finds where it starts without a parser and where it ends by
 * scanning brackets and strings ({@link JsonValues#end}).
 */
public final class SnapshotCodec {

    static final String MARK = "foldline.snapshot";
    /** How every wrapped snapshot this codec has written starts: the state follows. */
    private static final String WRAPPED_START = "{\"" + MARK + "\":2,\"state\":";

    private SnapshotCodec() {
    }

    public static String write(Snapshot snapshot) {
        if (snapshot.keys().isEmpty() && snapshot.commandId() == null) {
            return snapshot.stateJson();
        }
        return Json.write(writer -> {
            writer.beginObject();
            writer.name(MARK).value(2);
            writer.name("state").jsonValue(snapshot.stateJson());
            writer.name("keys").beginArray();
            for (RecordedKey key : snapshot.keys()) {
                writer.beginArray();
                writer.value(key.key());
                writer.value(key.fingerprint());
                writer.value(key.version());
                writer.value(IsoInstants.format(key.committedAt()));
                writer.endArray();
            }
            writer.endArray();
            if (snapshot.commandId() != null) {
                writer.name("commandId").value(snapshot.commandId());
            }
            writer.endObject();
        });
    }

    public static Snapshot read(long version, String stored) {
        if (stored.startsWith(WRAPPED_START)) {
            int stateEnd = JsonValues.end(stored, WRAPPED_START.length());
            if (stateEnd < stored.length() && stored.charAt(stateEnd) == ',') {
                String state = stored.substring(WRAPPED_START.length(), stateEnd);
                // The rest of the wrapper, as an object of its own: {"keys":[...],"commandId":"..."}
                String rest = "{" + stored.substring(stateEnd + 1);
                return Json.read(rest, reader -> readWrapper(reader, version, state));
            }
        }
        if (!stored.contains("\"" + MARK + "\"")) {
            return new Snapshot(version, stored);
        }
        return readTree(version, stored);
    }

    private static Snapshot readWrapper(JsonReader reader, long version, String state) throws IOException {
        List<RecordedKey> keys = new ArrayList<>();
        String commandId = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "keys" -> {
                    reader.beginArray();
                    while (reader.hasNext()) {
                        reader.beginArray();
                        keys.add(new RecordedKey(reader.nextString(), reader.nextString(), reader.nextLong(),
                                IsoInstants.parse(reader.nextString())));
                        reader.endArray();
                    }
                    reader.endArray();
                }
                case "commandId" -> {
                    if (reader.peek() == JsonToken.NULL) {
                        reader.nextNull();
                    } else {
                        commandId = reader.nextString();
                    }
                }
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new Snapshot(version, state, keys, commandId);
    }

    /** Any other text that holds the mark: parsed whole, as snapshots were before the fast path. */
    private static Snapshot readTree(long version, String stored) {
        JsonElement tree = Json.parseTree(stored);
        if (!tree.isJsonObject() || !tree.getAsJsonObject().has(MARK)) {
            return new Snapshot(version, stored);
        }
        JsonObject json = tree.getAsJsonObject();
        List<RecordedKey> keys = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("keys")) {
            JsonArray entry = element.getAsJsonArray();
            keys.add(new RecordedKey(entry.get(0).getAsString(), entry.get(1).getAsString(),
                    entry.get(2).getAsLong(), IsoInstants.parse(entry.get(3).getAsString())));
        }
        JsonElement commandId = json.get("commandId");
        return new Snapshot(version, Json.write(json.get("state")), keys,
                commandId == null || commandId.isJsonNull() ? null : commandId.getAsString());
    }
}
