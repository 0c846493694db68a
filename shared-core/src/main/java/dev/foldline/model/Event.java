package dev.foldline.model;

import dev.foldline.json.Payload;
import java.util.Objects;

/**
 * One fact recorded by a command.
 *
 * @param schemaVersion the version of the payload's shape, stored with it: the aggregate type's
 *                      upcasters bring an older one to the current shape on read, before any
 *                      applier or event handler sees it
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
