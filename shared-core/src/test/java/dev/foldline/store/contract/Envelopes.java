package dev.foldline.store.contract;

import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.EventStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/** Builders and views the contract tests share. */
public final class Envelopes {

    private Envelopes() {
    }

    public static Envelope envelope(StreamId stream, long version, String... eventNames) {
        return envelope(stream, version, Instant.now().truncatedTo(ChronoUnit.MILLIS), eventNames);
    }

    public static Envelope envelope(StreamId stream, long version, Instant committedAt, String... eventNames) {
        String[] names = eventNames.length == 0 ? new String[] {"Happened"} : eventNames;
        List<Event> events = Arrays.stream(names)
                .map(name -> Event.of(name, Payload.empty().with("version", version).with("name", name)))
                .toList();
        return new Envelope(stream, version, "Do", Actor.of(stream.tenant(), "user1", "user"), events,
                committedAt);
    }

    /** Appends {@code count} envelopes to the stream, with a snapshot ({@code {"sum":version}}) where asked. */
    public static void written(EventStore store, StreamId stream, int count, LongPredicate snapshotAt) {
        for (long version = 0; version < count; version++) {
            store.append(envelope(stream, version, "x"), snapshotAt.test(version)
                    ? new Snapshot(version, "{\"sum\":" + version + "}") : null);
        }
    }

    /** "type/id@version" of each envelope: what tests compare, independent of duplicates' order. */
    public static String key(Envelope envelope) {
        return envelope.stream().aggregateType() + "/" + envelope.stream().aggregateId() + "@" + envelope.version();
    }

    public static Set<String> keys(List<Envelope> envelopes) {
        return envelopes.stream().map(Envelopes::key).collect(Collectors.toSet());
    }

    public static List<Long> versions(List<Envelope> envelopes) {
        return envelopes.stream().map(Envelope::version).toList();
    }
}
