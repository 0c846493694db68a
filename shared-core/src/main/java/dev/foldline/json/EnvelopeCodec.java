package dev.foldline.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stored and wire form of an envelope. Written by hand, not by reflection, so the format is
 * stable across refactorings and identical in every store. Streamed in both directions (no tree of
 * the whole envelope is built): every load and every projected envelope goes through here.
 */
public final class EnvelopeCodec {

    private static final long NO_VERSION = Long.MIN_VALUE;
    /** The member names of the stored form, which the reader answers without allocating. */
    static final StoredText.Names NAMES = new StoredText.Names("tenant", "aggregateType", "aggregateId",
            "version", "command", "actor", "id", "roles", "claims", "events", "name", "payload", "schemaVersion",
            "committedAt", "commandId", "idempotencyKey", "fingerprint");
    /** The actors last read: a stream's envelopes mostly repeat one or two (see {@link RecentValue}). */
    static final RecentValue<Actor> RECENT_ACTORS = new RecentValue<>(true);
    /**
     * The stream last read, from an envelope's first three members as written (tenant, aggregate
     * type and id), which every envelope of a load repeats. Only one: a projection's batch mixes
     * streams, and each kept stream costs it a comparison of their long common prefix.
     */
    static final RecentValue<StreamId> RECENT_STREAM = new RecentValue<>(false);

    private EnvelopeCodec() {
    }

    /** The stored form as a tree, for an answer that embeds envelopes. */
    public static JsonObject toJson(Envelope envelope) {
        return Json.parseTree(write(envelope)).getAsJsonObject();
    }

    public static String write(Envelope envelope) {
        StringBuilder out = new StringBuilder(384);
        StreamId stream = envelope.stream();
        JsonText.string(JsonText.name(out.append('{'), "tenant", true), stream.tenant());
        JsonText.string(JsonText.name(out, "aggregateType", false), stream.aggregateType());
        JsonText.string(JsonText.name(out, "aggregateId", false), stream.aggregateId());
        JsonText.name(out, "version", false).append(envelope.version());
        JsonText.string(JsonText.name(out, "command", false), envelope.command());
        writeActor(JsonText.name(out, "actor", false), envelope.actor());
        JsonText.name(out, "events", false).append('[');
        boolean first = true;
        for (Event event : envelope.events()) {
            out.append(first ? "" : ",");
            JsonText.string(JsonText.name(out.append('{'), "name", true), event.name());
            JsonText.tree(JsonText.name(out, "payload", false), event.payload().tree());
            JsonText.name(out, "schemaVersion", false).append(event.schemaVersion()).append('}');
            first = false;
        }
        out.append(']');
        JsonText.string(JsonText.name(out, "committedAt", false), IsoInstants.format(envelope.committedAt()));
        if (envelope.idempotencyKey() != null) {
            JsonText.string(JsonText.name(out, "idempotencyKey", false), envelope.idempotencyKey());
            JsonText.string(JsonText.name(out, "fingerprint", false), envelope.fingerprint());
        }
        if (envelope.commandId() != null) {
            JsonText.string(JsonText.name(out, "commandId", false), envelope.commandId());
        }
        return out.append('}').toString();
    }

    /** Roles and claims in name order, so that equal actors are stored alike. */
    private static void writeActor(StringBuilder out, Actor actor) {
        JsonText.string(JsonText.name(out.append('{'), "tenant", true), actor.tenant());
        JsonText.string(JsonText.name(out, "id", false), actor.id());
        JsonText.name(out, "roles", false).append('[');
        boolean first = true;
        for (String role : actor.roles().size() < 2 ? actor.roles() : new TreeSet<>(actor.roles())) {
            JsonText.string(out.append(first ? "" : ","), role);
            first = false;
        }
        JsonText.name(out.append(']'), "claims", false).append('{');
        first = true;
        Map<String, String> claims = actor.claims().size() < 2 ? actor.claims() : new TreeMap<>(actor.claims());
        for (Map.Entry<String, String> claim : claims.entrySet()) {
            JsonText.string(JsonText.name(out, claim.getKey(), first), claim.getValue());
            first = false;
        }
        out.append("}}");
    }

    /**
     * Reads a stored envelope leniently: one stored before non-finite numbers were refused may hold
     * a bare NaN or Infinity, and its aggregate must still load. Three readers, each taking what the
     * one before declines: the layout {@link #write} produces ({@link EnvelopeAsWritten}), any JSON
     * the framework writes in any member order ({@link StoredText}), and gson's lenient reader.
     */
    public static Envelope read(String json) {
        Envelope asWritten = EnvelopeAsWritten.read(json);
        if (asWritten != null) {
            return asWritten;
        }
        try {
            StoredText text = new StoredText(json, NAMES);
            Envelope envelope = read(text);
            text.requireEnd();
            return envelope;
        } catch (IOException notFrameworkJson) {
            return Json.read(json, reader -> read(StoredReader.of(reader)));
        }
    }

    public static Envelope fromJson(JsonObject json) {
        return read(Json.write(json));
    }

    public static JsonObject eventToJson(Event event) {
        JsonObject json = new JsonObject();
        json.addProperty("name", event.name());
        json.add("payload", event.payload().json());
        json.addProperty("schemaVersion", event.schemaVersion());
        return json;
    }

    private static Envelope read(StoredReader reader) throws IOException {
        String tenant = null;
        String aggregateType = null;
        String aggregateId = null;
        long version = NO_VERSION;
        String command = null;
        Actor actor = null;
        List<Event> events = null;
        Instant committedAt = null;
        String key = null;
        String fingerprint = null;
        String commandId = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "tenant" -> tenant = reader.nextRecurringString();
                case "aggregateType" -> aggregateType = reader.nextRecurringString();
                case "aggregateId" -> aggregateId = reader.nextRecurringString();
                case "version" -> version = reader.nextLong();
                case "command" -> command = reader.nextRecurringString();
                case "actor" -> actor = reader.nextRecurring(RECENT_ACTORS, EnvelopeCodec::readActor);
                case "events" -> events = readEvents(reader);
                case "committedAt" -> committedAt = reader.nextInstant();
                case "idempotencyKey" -> key = optionalString(reader);
                case "fingerprint" -> fingerprint = optionalString(reader);
                case "commandId" -> commandId = optionalString(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        StreamId stream = new StreamId(required(tenant, "tenant"), required(aggregateType, "aggregateType"),
                required(aggregateId, "aggregateId"));
        return envelope(stream, version, command, actor, events, committedAt, key, fingerprint, commandId);
    }

    /** The envelope of the members read, each required one checked. */
    static Envelope envelope(StreamId stream, long version, String command, Actor actor, List<Event> events,
                             Instant committedAt, String key, String fingerprint, String commandId) {
        // A key stored before fingerprints existed has none: a retry with it is refused, not guessed.
        return new Envelope(stream, requiredVersion(version), required(command, "command"), required(actor, "actor"),
                required(events, "events"), required(committedAt, "committedAt"), key,
                key == null ? null : Objects.requireNonNullElse(fingerprint, ""), commandId);
    }

    private static long requiredVersion(long version) {
        if (version == NO_VERSION) {
            throw new IllegalStateException("the stored envelope has no version");
        }
        return version;
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalStateException("the stored envelope has no " + name);
        }
        return value;
    }

    static String optionalString(StoredReader reader) throws IOException {
        return reader.nextIsNull() ? null : reader.nextString();
    }

    /** The events as the immutable list the envelope keeps (one event, the usual case, without a copy). */
    private static List<Event> readEvents(StoredReader reader) throws IOException {
        reader.beginArray();
        List<Event> events = List.of();
        if (reader.hasNext()) {
            Event first = readEvent(reader);
            if (reader.hasNext()) {
                events = new ArrayList<>();
                events.add(first);
                while (reader.hasNext()) {
                    events.add(readEvent(reader));
                }
            } else {
                events = List.of(first);
            }
        }
        reader.endArray();
        return events;
    }

    private static Event readEvent(StoredReader reader) throws IOException {
        String name = null;
        JsonObject payload = null;
        int schemaVersion = 1;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "name" -> name = reader.nextRecurringString();
                case "payload" -> payload = readPayload(reader);
                case "schemaVersion" -> schemaVersion = reader.nextInt();
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new Event(required(name, "event name"), payload == null ? Payload.empty() : Payload.stored(payload),
                schemaVersion);
    }

    static JsonObject readPayload(StoredReader reader) throws IOException {
        JsonElement payload = reader.nextTree();
        if (!payload.isJsonObject()) {
            throw new IllegalStateException("a stored event's payload is not an object: " + payload);
        }
        return payload.getAsJsonObject();
    }

    static Actor readActor(StoredReader reader) throws IOException {
        String tenant = null;
        String id = null;
        Set<String> roles = Set.of();
        Map<String, String> claims = Map.of();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "tenant" -> tenant = reader.nextRecurringString();
                case "id" -> id = reader.nextRecurringString();
                case "roles" -> roles = readRoles(reader);
                case "claims" -> claims = readClaims(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new Actor(required(tenant, "actor tenant"), required(id, "actor id"), roles, claims);
    }

    /** The roles as the immutable set the actor keeps (one role, the usual case, without a copy). */
    private static Set<String> readRoles(StoredReader reader) throws IOException {
        reader.beginArray();
        Set<String> roles = Set.of();
        if (reader.hasNext()) {
            String first = reader.nextString();
            if (reader.hasNext()) {
                roles = new LinkedHashSet<>();
                roles.add(first);
                while (reader.hasNext()) {
                    roles.add(reader.nextString());
                }
            } else {
                roles = Set.of(first);
            }
        }
        reader.endArray();
        return roles;
    }

    private static Map<String, String> readClaims(StoredReader reader) throws IOException {
        reader.beginObject();
        Map<String, String> claims = Map.of();
        if (reader.hasNext()) {
            String name = reader.nextName();
            String value = reader.nextString();
            if (reader.hasNext()) {
                claims = new LinkedHashMap<>();
                claims.put(name, value);
                while (reader.hasNext()) {
                    claims.put(reader.nextName(), reader.nextString());
                }
            } else {
                claims = Map.of(name, value);
            }
        }
        reader.endObject();
        return claims;
    }
}
