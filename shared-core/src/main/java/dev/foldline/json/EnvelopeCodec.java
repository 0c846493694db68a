package dev.foldline.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stored and wire form of an envelope. Written by hand, not by reflection, so the format is
 * stable across refactorings and identical in every store.
 */
public final class EnvelopeCodec {

    private EnvelopeCodec() {
    }

    public static JsonObject toJson(Envelope envelope) {
        JsonObject json = new JsonObject();
        json.addProperty("tenant", envelope.stream().tenant());
        json.addProperty("aggregateType", envelope.stream().aggregateType());
        json.addProperty("aggregateId", envelope.stream().aggregateId());
        json.addProperty("version", envelope.version());
        json.addProperty("command", envelope.command());
        json.add("actor", actorToJson(envelope.actor()));
        JsonArray events = new JsonArray();
        for (Event event : envelope.events()) {
            events.add(eventToJson(event));
        }
        json.add("events", events);
        json.addProperty("committedAt", envelope.committedAt().toString());
        if (envelope.idempotencyKey() != null) {
            json.addProperty("idempotencyKey", envelope.idempotencyKey());
            json.addProperty("fingerprint", envelope.fingerprint());
        }
        if (envelope.commandId() != null) {
            json.addProperty("commandId", envelope.commandId());
        }
        return json;
    }

    public static String write(Envelope envelope) {
        return Json.write(toJson(envelope));
    }

    /**
     * Reads a stored envelope leniently: one stored before non-finite numbers were refused may hold
     * a bare NaN or Infinity, and its aggregate must still load.
     */
    public static Envelope read(String json) {
        return fromJson(Json.parseTree(json).getAsJsonObject());
    }

    public static Envelope fromJson(JsonObject json) {
        StreamId stream = new StreamId(
                json.get("tenant").getAsString(),
                json.get("aggregateType").getAsString(),
                json.get("aggregateId").getAsString());
        List<Event> events = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("events")) {
            events.add(eventFromJson(element.getAsJsonObject()));
        }
        String key = optionalString(json, "idempotencyKey");
        // A key stored before fingerprints existed has none: a retry with it is refused, not guessed.
        String fingerprint = key == null ? null : Objects.requireNonNullElse(optionalString(json, "fingerprint"), "");
        return new Envelope(
                stream,
                json.get("version").getAsLong(),
                json.get("command").getAsString(),
                actorFromJson(json.getAsJsonObject("actor")),
                events,
                Instant.parse(json.get("committedAt").getAsString()),
                key,
                fingerprint,
                optionalString(json, "commandId"));
    }

    private static String optionalString(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    public static JsonObject eventToJson(Event event) {
        JsonObject json = new JsonObject();
        json.addProperty("name", event.name());
        json.add("payload", event.payload().json());
        json.addProperty("schemaVersion", event.schemaVersion());
        return json;
    }

    private static Event eventFromJson(JsonObject json) {
        JsonElement schema = json.get("schemaVersion");
        return new Event(
                json.get("name").getAsString(),
                Payload.stored(json.getAsJsonObject("payload")),
                schema == null ? 1 : schema.getAsInt());
    }

    private static JsonObject actorToJson(Actor actor) {
        JsonObject json = new JsonObject();
        json.addProperty("tenant", actor.tenant());
        json.addProperty("id", actor.id());
        JsonArray roles = new JsonArray();
        actor.roles().stream().sorted().forEach(roles::add);
        json.add("roles", roles);
        JsonObject claims = new JsonObject();
        actor.claims().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> claims.addProperty(e.getKey(), e.getValue()));
        json.add("claims", claims);
        return json;
    }

    private static Actor actorFromJson(JsonObject json) {
        Set<String> roles = new LinkedHashSet<>();
        if (json.has("roles")) {
            json.getAsJsonArray("roles").forEach(r -> roles.add(r.getAsString()));
        }
        Map<String, String> claims = new LinkedHashMap<>();
        if (json.has("claims")) {
            json.getAsJsonObject("claims").entrySet().forEach(e -> claims.put(e.getKey(), e.getValue().getAsString()));
        }
        return new Actor(json.get("tenant").getAsString(), json.get("id").getAsString(), roles, claims);
    }
}
