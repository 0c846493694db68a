package dev.foldline.json;

import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an envelope laid out exactly as {@link EnvelopeCodec#write} lays it out (its members in
 * that order, compact), which is how every store holds them: each member's name and the
 * punctuation around it are one literal compared in place, with no name lookup and no dispatch on
 * it. Replay decodes one envelope per event, and finding and matching member names was a fifth of
 * that.
 *
 * <p>Anything else (another order, whitespace, an unknown member, a value that does not read) is
 * declined: the general reader then reads the text from its start, as if this one had not looked,
 * and gives the same value or the same error it always did. Values are read by the same
 * {@link StoredText} operations the general reader uses.
 */
final class EnvelopeAsWritten {

    private EnvelopeAsWritten() {
    }

    /** The envelope, or null when the text is not laid out as written or does not read. */
    static Envelope read(String json) {
        try {
            StoredText text = new StoredText(json, EnvelopeCodec.NAMES);
            Envelope envelope = read(text);
            text.requireEnd();
            return envelope;
        } catch (IOException | RuntimeException declined) {
            // the general reader reads it again and answers what it always answered, error included
            return null;
        }
    }

    private static Envelope read(StoredText text) throws IOException {
        expect(text, '{');
        StreamId stream = text.skipRecent(EnvelopeCodec.RECENT_STREAM);
        if (stream == null) {
            stream = readStream(text);
        }
        expect(text, ",\"version\":");
        long version = text.nextLong();
        expect(text, ",\"command\":");
        String command = text.nextRecurringString();
        expect(text, ",\"actor\":");
        Actor actor = text.nextRecurring(EnvelopeCodec.RECENT_ACTORS, EnvelopeCodec::readActor);
        expect(text, ",\"events\":[");
        List<Event> events = readEvents(text);
        expect(text, ",\"committedAt\":");
        Instant committedAt = text.nextInstant();
        String key = null;
        String fingerprint = null;
        if (text.skip(",\"idempotencyKey\":")) {
            key = EnvelopeCodec.optionalString(text);
            expect(text, ",\"fingerprint\":");
            fingerprint = EnvelopeCodec.optionalString(text);
        }
        String commandId = text.skip(",\"commandId\":") ? EnvelopeCodec.optionalString(text) : null;
        expect(text, '}');
        return EnvelopeCodec.envelope(stream, version, command, actor, events, committedAt, key, fingerprint,
                commandId);
    }

    /** The stream's three members, remembered for the envelopes after it (see {@link RecentValue}). */
    private static StreamId readStream(StoredText text) throws IOException {
        int start = text.mark();
        expect(text, "\"tenant\":");
        String tenant = text.nextRecurringString();
        expect(text, ",\"aggregateType\":");
        String aggregateType = text.nextRecurringString();
        expect(text, ",\"aggregateId\":");
        String aggregateId = text.nextRecurringString();
        StreamId stream = new StreamId(tenant, aggregateType, aggregateId);
        text.remember(EnvelopeCodec.RECENT_STREAM, start, stream);
        return stream;
    }

    /** The events after the opening bracket, through the closing one (one event kept without a copy). */
    private static List<Event> readEvents(StoredText text) throws IOException {
        Event first = readEvent(text);
        if (text.skip(']')) {
            return List.of(first);
        }
        List<Event> events = new ArrayList<>();
        events.add(first);
        do {
            expect(text, ',');
            events.add(readEvent(text));
        } while (!text.skip(']'));
        return events;
    }

    private static Event readEvent(StoredText text) throws IOException {
        expect(text, "{\"name\":");
        String name = text.nextRecurringString();
        expect(text, ",\"payload\":");
        Payload payload = Payload.stored(EnvelopeCodec.readPayload(text));
        expect(text, ",\"schemaVersion\":");
        int schemaVersion = text.nextInt();
        expect(text, '}');
        return new Event(name, payload, schemaVersion);
    }

    private static void expect(StoredText text, String literal) throws NotAsWritten {
        if (!text.skip(literal)) {
            throw NotAsWritten.INSTANCE;
        }
    }

    private static void expect(StoredText text, char c) throws NotAsWritten {
        if (!text.skip(c)) {
            throw NotAsWritten.INSTANCE;
        }
    }

    /** The text is laid out otherwise: only that counts, so one instance without a stack trace. */
    private static final class NotAsWritten extends IOException {
        static final NotAsWritten INSTANCE = new NotAsWritten();

        private NotAsWritten() {
            super("not laid out as written");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
