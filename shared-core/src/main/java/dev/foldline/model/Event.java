package dev.foldline.model;

import dev.foldline.json.Payload;
import java.util.Objects;

/**
 * One fact recorded by a command.
 *
 * @param schemaVersion lets appliers and handlers upcast old payload shapes
 */
public record Event(String name, Payload payload, int schemaVersion) {

    public Event {
        Objects.requireNonNull(name, "name");
        payload = payload == null ? Payload.empty() : payload;
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion starts at 1");
        }
    }

    public static Event of(String name, Payload payload) {
        return new Event(name, payload, 1);
    }
}
