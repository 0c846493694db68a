package dev.foldline.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.foldline.model.RecordedKey;
import dev.foldline.model.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a snapshot. Without remembered keys and attempt it is the state JSON itself,
 * as snapshots were stored before those existed; otherwise it is an object marked {@value #MARK}
 * that wraps the state, so both forms read back.
 */
public final class SnapshotCodec {

    static final String MARK = "foldline.snapshot";

    private SnapshotCodec() {
    }

    public static String write(Snapshot snapshot) {
        if (snapshot.keys().isEmpty() && snapshot.commandId() == null) {
            return snapshot.stateJson();
        }
        JsonObject json = new JsonObject();
        json.addProperty(MARK, 2);
        json.add("state", Json.parseTree(snapshot.stateJson()));
        JsonArray keys = new JsonArray();
        for (RecordedKey key : snapshot.keys()) {
            JsonArray entry = new JsonArray();
            entry.add(key.key());
            entry.add(key.fingerprint());
            entry.add(key.version());
            entry.add(key.committedAt().toString());
            keys.add(entry);
        }
        json.add("keys", keys);
        if (snapshot.commandId() != null) {
            json.addProperty("commandId", snapshot.commandId());
        }
        return Json.write(json);
    }

    public static Snapshot read(long version, String stored) {
        JsonElement tree = Json.parseTree(stored);
        if (!tree.isJsonObject() || !tree.getAsJsonObject().has(MARK)) {
            return new Snapshot(version, stored);
        }
        JsonObject json = tree.getAsJsonObject();
        List<RecordedKey> keys = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("keys")) {
            JsonArray entry = element.getAsJsonArray();
            keys.add(new RecordedKey(entry.get(0).getAsString(), entry.get(1).getAsString(),
                    entry.get(2).getAsLong(), Instant.parse(entry.get(3).getAsString())));
        }
        JsonElement commandId = json.get("commandId");
        return new Snapshot(version, Json.write(json.get("state")), keys,
                commandId == null || commandId.isJsonNull() ? null : commandId.getAsString());
    }
}
