package dev.foldline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the fast envelope reader ({@link StoredText}) takes from earlier texts or reads where it
 * stands (recurring strings, the last actor, versions, instants) reads exactly what was stored.
 */
class EnvelopeReadingTest {

    private static final Instant AT = Instant.parse("2026-12-02T05:06:07.123456789Z");

    private static Envelope envelope(String tenant, String id, String command, Actor actor, String eventName,
                                     long version) {
        return new Envelope(new StreamId(tenant, "calculator", id), version, command, actor,
                List.of(new Event(eventName, Payload.parse("{\"digit\":\"1\"}"), 1)), AT, null, null, "attempt-" + id);
    }

    private static Envelope roundTrip(Envelope envelope) {
        return EnvelopeCodec.read(EnvelopeCodec.write(envelope));
    }

    @Test
    void strings_read_back_as_written_wherever_they_hold_escapes() {
        Actor actor = new Actor("t\"1", "u\\2", Set.of("r\n"), Map.of("c\u0001", "v\u00e9\u20ac\ud83d\ude00"));
        Envelope escapedLate = new Envelope(new StreamId("t\"1", "calculator", "plain-id"), 3, "Press\tDigit", actor,
                List.of(new Event("Digit\"Pressed", Payload.parse("{\"d\\\"x\":\"\\\\\"}"), 2),
                        Event.of("Plain", Payload.empty())), AT, "key\"", "fp\\", "attempt\"1");
        Envelope plain = envelope("t", "a", "PressDigit", Actor.of("t", "u"), "DigitPressed", 0);

        assertThat(roundTrip(escapedLate)).isEqualTo(escapedLate);
        assertThat(roundTrip(plain)).isEqualTo(plain);
        assertThat(roundTrip(escapedLate)).isEqualTo(escapedLate);
    }

    @Test
    void a_member_name_written_with_escapes_is_the_name_it_spells() {
        String stored = EnvelopeCodec.write(envelope("t", "a", "PressDigit", Actor.of("t", "u"), "DigitPressed", 2))
                .replace("\"tenant\":", "\"ten\\u0061nt\":").replace("\"aggregateId\"", "\"aggregate\\u0049d\"");

        Envelope read = EnvelopeCodec.read(stored);

        assertThat(read.stream()).isEqualTo(new StreamId("t", "calculator", "a"));
        assertThat(read.actor().tenant()).isEqualTo("t");
    }

    @Test
    void an_actor_stored_as_the_same_text_reads_as_the_same_actor_and_any_other_as_itself() {
        Actor first = new Actor("t", "user-1", Set.of("user"), Map.of("email", "user-1@example.com"));
        Actor second = new Actor("t", "user-12", Set.of("user"), Map.of("email", "user-1@example.com"));

        Envelope one = roundTrip(envelope("t", "a", "C", first, "E", 0));
        Envelope two = roundTrip(envelope("t", "a", "C", first, "E", 1));
        Envelope three = roundTrip(envelope("t", "a", "C", second, "E", 2));

        Envelope four = roundTrip(envelope("t", "a", "C", first, "E", 3));
        Actor third = Actor.of("t", "user-3");
        String large = EnvelopeCodec.write(envelope("t", "a", "C", third, "E", 4)).replace("\"payload\":{",
                "\"payload\":{\"note\":\"" + "x".repeat(10_000) + "\",");
        Envelope fromLarge = EnvelopeCodec.read(large);

        assertThat(one.actor()).isEqualTo(first);
        assertThat(two.actor()).isSameAs(one.actor());
        assertThat(three.actor()).isEqualTo(second);
        assertThat(four.actor()).isSameAs(one.actor());
        assertThat(fromLarge.actor()).isEqualTo(third);
        assertThat(roundTrip(envelope("t", "a", "C", third, "E", 5)).actor()).isSameAs(fromLarge.actor());
    }

    @Test
    void the_stream_an_envelope_opens_with_reads_as_written_after_any_other() {
        String a = EnvelopeCodec.write(envelope("t", "a", "C", Actor.of("t", "u"), "E", 0));
        String ab = EnvelopeCodec.write(envelope("t", "ab", "C", Actor.of("t", "u"), "E", 1));
        String reordered = a.replace("\"tenant\":\"t\",\"aggregateType\":\"calculator\",", "")
                .replace("\"version\"", "\"aggregateType\":\"calculator\",\"tenant\":\"t\",\"version\"");
        String numbered = a.replace("\"aggregateId\":\"a\"", "\"aggregateId\":12");
        String longerNumber = a.replace("\"aggregateId\":\"a\"", "\"aggregateId\":123");

        assertThat(EnvelopeCodec.read(a).stream()).isEqualTo(new StreamId("t", "calculator", "a"));
        assertThat(EnvelopeCodec.read(a).stream()).isEqualTo(new StreamId("t", "calculator", "a"));
        assertThat(EnvelopeCodec.read(ab).stream()).isEqualTo(new StreamId("t", "calculator", "ab"));
        assertThat(EnvelopeCodec.read(a).stream()).isEqualTo(new StreamId("t", "calculator", "a"));
        assertThat(EnvelopeCodec.read(reordered).stream()).isEqualTo(new StreamId("t", "calculator", "a"));
        assertThat(EnvelopeCodec.read(numbered).stream()).isEqualTo(new StreamId("t", "calculator", "12"));
        assertThat(EnvelopeCodec.read(longerNumber).stream()).isEqualTo(new StreamId("t", "calculator", "123"));
    }

    @Test
    void a_malformed_actor_is_an_error_even_after_a_good_one() {
        String good = EnvelopeCodec.write(envelope("t", "a", "C", Actor.of("t", "u"), "E", 0));
        EnvelopeCodec.read(good);

        assertThatThrownBy(() -> EnvelopeCodec.read(good.replace("\"id\":\"u\"", "\"ID\":\"u\"")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("actor id");
        assertThatThrownBy(() -> EnvelopeCodec.read(good.replace("\"id\":\"u\",", "\"id\":\"u\",,")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stored JSON");
    }

    @Test
    void versions_read_where_they_stand_are_the_numbers_gson_reads() {
        String stored = EnvelopeCodec.write(envelope("t", "a", "C", Actor.of("t", "u"), "E", 7));
        for (long version : new long[] {0, 7, 10, 123_456_789_012_345_678L, Long.MAX_VALUE}) {
            assertThat(EnvelopeCodec.read(stored.replace("\"version\":7", "\"version\":" + version)).version())
                    .isEqualTo(version);
        }
        Map<String, Long> forms = Map.of("\"4\"", 4L, "4.0", 4L, "4 ", 4L, "1e2", 100L);
        forms.forEach((form, version) ->
                assertThat(EnvelopeCodec.read(stored.replace("\"version\":7", "\"version\":" + form)).version())
                        .as(form).isEqualTo(version));
        assertThat(EnvelopeCodec.read(stored.replace("\"schemaVersion\":1", "\"schemaVersion\":12"))
                .events().get(0).schemaVersion()).isEqualTo(12);
        assertThatThrownBy(() -> EnvelopeCodec.read(stored.replace("\"version\":7", "\"version\":7x")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recurring_strings_are_answered_as_the_string_read_before_and_others_as_themselves() {
        Envelope first = roundTrip(envelope("t", "order-1", "C", Actor.of("t", "u"), "E", 0));
        Envelope second = roundTrip(envelope("t", "order-2", "C", Actor.of("t", "u"), "E", 0));
        Envelope again = roundTrip(envelope("t", "order-1", "C", Actor.of("t", "u"), "E", 0));

        assertThat(second.stream().aggregateId()).isEqualTo("order-2");
        assertThat(again.stream().aggregateId()).isEqualTo("order-1");
        assertThat(again.events().get(0).name()).isSameAs(first.events().get(0).name());
    }

    @Test
    void instants_read_where_they_stand_are_what_the_jdk_reads() {
        String stored = EnvelopeCodec.write(envelope("t", "a", "C", Actor.of("t", "u"), "E", 0));
        for (String instant : List.of("2026-12-02T05:06:07Z", "2026-12-02T05:06:07.1Z", "1969-12-31T23:59:59.999Z",
                "+10000-01-01T00:00:00Z", "2026-12-02T05:06:07+01:00")) {
            Instant expected = java.time.OffsetDateTime.parse(instant).toInstant();
            assertThat(EnvelopeCodec.read(stored.replace(AT.toString(), instant)).committedAt()).as(instant)
                    .isEqualTo(expected);
        }
    }

    @Test
    void an_envelope_laid_out_as_written_reads_by_its_layout_and_any_other_by_the_general_reader() {
        Actor actor = new Actor("t", "u", Set.of("r"), Map.of("c", "v"));
        Envelope keyed = new Envelope(new StreamId("t", "calculator", "a"), 4, "C", actor,
                List.of(Event.of("E", Payload.parse("{\"n\":1}")), new Event("F", Payload.empty(), 2)), AT,
                "key", "fp", "attempt");
        Envelope unkeyed = new Envelope(new StreamId("t", "calculator", "a"), 5, "C", actor,
                List.of(Event.of("E", Payload.empty())), AT);
        String stored = EnvelopeCodec.write(keyed);
        Map<String, Envelope> otherLayouts = Map.of(
                stored.replace(",\"version\"", ", \"version\""), keyed,
                stored.replace("\"committedAt\"", "\"later\":[1],\"committedAt\""), keyed,
                stored.replace(",\"fingerprint\":\"fp\"", ""), new Envelope(keyed.stream(), 4, "C", actor,
                        keyed.events(), AT, "key", "", "attempt"),
                stored.replace("\"attempt\"}", "\"attempt\",\"commandId\":\"again\"}"), new Envelope(keyed.stream(), 4,
                        "C", actor, keyed.events(), AT, "key", "fp", "again"));

        assertThat(EnvelopeAsWritten.read(stored)).isEqualTo(keyed);
        assertThat(EnvelopeAsWritten.read(EnvelopeCodec.write(unkeyed))).isEqualTo(unkeyed);
        otherLayouts.forEach((text, expected) -> {
            assertThat(EnvelopeAsWritten.read(text)).as(text).isNull();
            assertThat(EnvelopeCodec.read(text)).as(text).isEqualTo(expected);
        });
    }

    @Test
    void an_envelope_as_written_that_does_not_read_fails_as_the_general_reader_fails() {
        String stored = EnvelopeCodec.write(envelope("t", "a", "C", Actor.of("t", "u"), "E", 0));
        String noEvents = stored.replaceAll("\"events\":\\[[^\\]]*]", "\"events\":[]");
        String listPayload = stored.replace("\"payload\":{\"digit\":\"1\"}", "\"payload\":[1]");
        String oldVersion = stored.replace("\"schemaVersion\":1", "\"schemaVersion\":0");

        assertThatThrownBy(() -> EnvelopeCodec.read(noEvents)).hasMessageContaining("at least one event");
        assertThatThrownBy(() -> EnvelopeCodec.read(listPayload)).hasMessageContaining("payload is not an object");
        assertThatThrownBy(() -> EnvelopeCodec.read(oldVersion)).hasMessageContaining("schemaVersion starts at 1");
        assertThat(EnvelopeAsWritten.read(listPayload)).isNull();
    }

    @Test
    void instants_of_the_day_read_before_are_what_the_jdk_reads() {
        String stored = EnvelopeCodec.write(envelope("t", "a", "C", Actor.of("t", "u"), "E", 0));
        for (String instant : List.of("2026-12-02T00:00:00Z", "2026-12-02T23:59:59.999999999Z", "2026-12-03T05:06:07Z",
                "2026-12-02T05:06:07.5Z", "2026-12-02T24:00:00Z", "2026-12-02T05:60:00Z", "2026-12-02T05:06:07.Z")) {
            Object expected;
            try {
                expected = Instant.parse(instant);
            } catch (RuntimeException refused) {
                expected = refused.getClass();
            }
            Object read;
            try {
                read = EnvelopeCodec.read(stored.replace(AT.toString(), instant)).committedAt();
            } catch (RuntimeException refused) {
                read = refused.getClass();
            }
            assertThat(read).as(instant).isEqualTo(expected);
        }
    }
}
