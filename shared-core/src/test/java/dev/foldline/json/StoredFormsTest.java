package dev.foldline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.RecordedKey;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The streamed codecs write exactly what the stores hold and read every form stored before. */
class StoredFormsTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

    @Test
    void an_envelope_is_stored_as_the_same_text_as_before_streaming() {
        Envelope envelope = new Envelope(new StreamId("t", "numbers", "a"), 3, "AddNumbers",
                new Actor("t", "u", Set.of("r2", "r1"), Map.of("b", "2", "a", "\"1\"")),
                List.of(Event.of("NumbersAdded", Payload.parse("{\"n\":1,\"gone\":null,\"x\":[1.5,\"<é>\"]}")),
                        new Event("Noted", Payload.empty(), 2)),
                AT, "idem-1", "fp-1", "attempt-1");

        assertThat(EnvelopeCodec.write(envelope)).isEqualTo("{\"tenant\":\"t\",\"aggregateType\":\"numbers\","
                + "\"aggregateId\":\"a\",\"version\":3,\"command\":\"AddNumbers\",\"actor\":{\"tenant\":\"t\","
                + "\"id\":\"u\",\"roles\":[\"r1\",\"r2\"],\"claims\":{\"a\":\"\\\"1\\\"\",\"b\":\"2\"}},\"events\":["
                + "{\"name\":\"NumbersAdded\",\"payload\":{\"n\":1,\"x\":[1.5,\"<é>\"]},\"schemaVersion\":1},"
                + "{\"name\":\"Noted\",\"payload\":{},\"schemaVersion\":2}],\"committedAt\":\"2026-11-22T10:15:30.123Z\","
                + "\"idempotencyKey\":\"idem-1\",\"fingerprint\":\"fp-1\",\"commandId\":\"attempt-1\"}");
        assertThat(EnvelopeCodec.read(EnvelopeCodec.write(envelope)).actor()).isEqualTo(envelope.actor());
    }

    @Test
    void an_envelope_reads_with_its_members_in_any_order_and_unknown_ones_ignored() {
        String stored = "{\"events\":[{\"payload\":{\"d\":\"1\"},\"name\":\"DigitPressed\",\"later\":[1]}],"
                + "\"committedAt\":\"2026-01-01T00:00:00Z\",\"version\":\"4\",\"command\":\"PressDigit\","
                + "\"actor\":{\"id\":\"u\",\"tenant\":\"t\"},\"aggregateId\":\"c\",\"tenant\":\"t\","
                + "\"aggregateType\":\"calculator\",\"idempotencyKey\":\"k\",\"commandId\":null}";

        Envelope envelope = EnvelopeCodec.read(stored);

        assertThat(envelope.version()).isEqualTo(4);
        assertThat(envelope.events().get(0).schemaVersion()).isEqualTo(1);
        assertThat(envelope.events().get(0).payload().requireString("d")).isEqualTo("1");
        assertThat(envelope.fingerprint()).isEmpty();
        assertThat(envelope.commandId()).isNull();
        assertThat(envelope.actor().roles()).isEmpty();
    }

    @Test
    void a_stored_envelope_missing_a_member_or_not_json_is_an_error_naming_it() {
        assertThatThrownBy(() -> EnvelopeCodec.read("{\"tenant\":\"t\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("aggregateType");
        assertThatThrownBy(() -> EnvelopeCodec.read("{\"tenant\":"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stored JSON");
        String stored = EnvelopeCodec.write(new Envelope(new StreamId("t", "x", "a"), 0, "C", Actor.of("t", "u"),
                List.of(Event.of("E", Payload.empty())), AT));
        assertThatThrownBy(() -> EnvelopeCodec.read(stored + " {}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("content after");
    }

    @Test
    void payloads_read_from_the_text_are_what_gson_reads_and_write_back_unchanged() {
        List<String> payloads = List.of("{}", "{\"n\":1e3,\"m\":-0.50,\"big\":123456789012345678901234567890}",
                "{\"s\":\"tab\\t quote\\\" back\\\\ slash\\/ \\u00e9\\u20ac \\ud83d\\ude00 é\"}",
                "{\"deep\":{\"a\":[1,[2,[3,{}]],true,false,null,\"\"]},\"dup\":1,\"dup\":2}",
                "{ \"spaced\" : [ 1 , 2 ] ,\n\"x\":\t\"y\" }", "{\"nan\":NaN,\"inf\":-Infinity}");
        for (String payload : payloads) {
            String stored = "{\"tenant\":\"t\",\"aggregateType\":\"x\",\"aggregateId\":\"a\",\"version\":0,"
                    + "\"command\":\"C\",\"actor\":{\"tenant\":\"t\",\"id\":\"u\",\"roles\":[],\"claims\":{}},"
                    + "\"events\":[{\"name\":\"E\",\"payload\":" + payload + ",\"schemaVersion\":1}],"
                    + "\"committedAt\":\"2026-01-01T00:00:00Z\"}";
            Payload read = EnvelopeCodec.read(stored).events().get(0).payload();
            assertThat(read.toJson()).as(payload).isEqualTo(Json.write(Json.parseTree(payload)));
            assertThat(read).as(payload).isEqualTo(Payload.stored(Json.parseTree(payload).getAsJsonObject()));
        }
        Payload numbers = EnvelopeCodec.read(EnvelopeCodec.write(new Envelope(new StreamId("t", "x", "a"), 0, "C",
                Actor.of("t", "u"), List.of(Event.of("E", Payload.parse("{\"i\":-42,\"l\":9007199254740993,"
                        + "\"d\":2.5,\"x\":1e2}"))), AT))).events().get(0).payload();
        assertThat(numbers.requireInt("i")).isEqualTo(-42);
        assertThat(numbers.requireLong("l")).isEqualTo(9007199254740993L);
        assertThat(numbers.requireDouble("d")).isEqualTo(2.5);
        assertThat(numbers.requireInt("x")).isEqualTo(100);
        assertThat(numbers.as(Map.class)).containsEntry("d", 2.5);
    }

    @Test
    void text_only_gsons_lenient_reader_accepts_is_still_read_by_it() {
        String stored = "{'tenant':'t',aggregateType:\"x\",\"aggregateId\":\"a\",\"version\":0,\"command\":\"C\","
                + "\"actor\":{\"tenant\":\"t\",\"id\":\"u\"},\"events\":[{\"name\":\"E\",\"payload\":{\"a\":1 /* note */}}],"
                + "\"committedAt\":\"2026-01-01T00:00:00Z\"}";

        Envelope envelope = EnvelopeCodec.read(stored);

        assertThat(envelope.stream()).isEqualTo(new StreamId("t", "x", "a"));
        assertThat(envelope.events().get(0).payload().requireInt("a")).isEqualTo(1);
    }

    @Test
    void json_text_is_appended_exactly_as_gson_writes_it() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int c = random.nextInt(12); c > 0; c--) {
                value.append(random.nextBoolean() ? (char) random.nextInt(0x30)
                        : "\"\\/\u2028\u2029é€\ud83d\ude00<>&='".charAt(random.nextInt(14)));
            }
            String text = value.toString();
            assertThat(JsonText.string(new StringBuilder(), text).toString()).isEqualTo(Json.write(text));
        }
        com.google.gson.JsonObject tree = Json.parseTree("{\"lazy\":1.50e3,\"arr\":[null,true,{\"gone\":null}]}")
                .getAsJsonObject();
        tree.addProperty("int", 3);
        tree.addProperty("long", Long.MIN_VALUE);
        tree.addProperty("double", 0.1);
        tree.addProperty("nan", Double.NaN);
        tree.addProperty("big", new java.math.BigDecimal("1.000E+20"));
        tree.add("stored", new com.google.gson.JsonPrimitive(new StoredText.StoredNumber("-0.5e-3")));
        tree.addProperty("flag", false);
        assertThat(JsonText.tree(new StringBuilder(), tree).toString()).isEqualTo(Json.write(tree));
    }

    @Test
    void instants_are_written_and_read_as_the_jdk_does() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
            assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
        }
        for (String text : List.of("2026-12-02T03:04:05.1Z", "2026-12-02T03:04:05.12345Z", "2024-02-29T23:59:59Z",
                "+12026-12-02T03:04:05Z", "2026-12-02T03:04:05+01:00", "2026-12-02T24:00:00Z", "2016-12-31T23:59:60Z",
                "2026-12-02T03:04:05.Z", "2026-02-30T00:00:00Z", "2026-12-02T25:00:00Z", "2026-12-0xT03:04:05Z")) {
            assertThat(outcome(() -> IsoInstants.parse(text))).as(text).isEqualTo(outcome(() -> Instant.parse(text)));
        }
    }

    /** The instant, or the kind of exception. */
    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Test
    void a_snapshot_keeps_its_state_text_as_it_was_given() {
        String state = "{\"a\":\"}],\\\"x\\\\\",\"b\":[{\"c\":NaN},[]],\"d\":-1.5e3,\"e\":null}";
        Snapshot snapshot = new Snapshot(7, state, List.of(new RecordedKey("k1", "fp", 6, AT)), "attempt");

        Snapshot read = Snapshot.fromStored(7, snapshot.stored());

        assertThat(read).isEqualTo(snapshot);
        assertThat(read.stateJson()).isEqualTo(state);
        for (String bare : List.of("12", "\"text, with ] and }\"", "[1,[2]]", "null", "true")) {
            Snapshot wrapped = new Snapshot(1, bare, List.of(), "attempt");
            assertThat(Snapshot.fromStored(1, wrapped.stored())).as(bare).isEqualTo(wrapped);
        }
    }

    @Test
    void snapshots_stored_in_the_other_forms_still_read() {
        assertThat(Snapshot.fromStored(3, "{\"sum\":3}")).isEqualTo(new Snapshot(3, "{\"sum\":3}"));
        String reordered = "{\"keys\":[[\"k\",\"fp\",2,\"2026-11-22T10:15:30.123Z\"]],\"commandId\":\"c\","
                + "\"foldline.snapshot\":2,\"state\":{\"sum\": 3}}";
        assertThat(Snapshot.fromStored(3, reordered))
                .isEqualTo(new Snapshot(3, "{\"sum\":3}", List.of(new RecordedKey("k", "fp", 2, AT)), "c"));
        String spaced = "{\"foldline.snapshot\":2,\"state\":{\"sum\":3} ,\"keys\":[]}";
        assertThat(Snapshot.fromStored(3, spaced)).isEqualTo(new Snapshot(3, "{\"sum\":3}", List.of(), null));
    }

    @Test
    void the_end_of_a_json_value_is_found_without_parsing() {
        assertThat(JsonValues.end("{\"a\":[1,{\"b\":\"]}\"}]},x", 0)).isEqualTo(20);
        assertThat(JsonValues.end("x:\"a\\\"b\",", 2)).isEqualTo(8);
        assertThat(JsonValues.end("[-1.5e3,NaN]", 1)).isEqualTo(7);
        assertThat(JsonValues.end("[NaN]", 1)).isEqualTo(4);
        assertThat(JsonValues.end("{\"open\":[", 0)).isEqualTo(9);
    }
}
