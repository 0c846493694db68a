package dev.foldline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.errors.FoldlineException;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.errors.MalformedRequest;
import dev.foldline.examples.Calculator;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void text_that_is_not_one_json_object_is_a_malformed_request() {
        for (String text : List.of("", "  ", "nope", "[1,2]", "{\"a\":1} trailing", "{\"a\":", "\"text\"", "{'a':1}")) {
            assertThatThrownBy(() -> Json.parseObject(text)).as(text).isInstanceOf(MalformedRequest.class);
        }
    }

    @Test
    void typed_accessors_name_the_argument_they_reject() {
        Payload payload = Payload.parse("{\"n\":1.5,\"s\":3,\"big\":99999999999}");

        assertThatThrownBy(() -> payload.requireInt("n")).isInstanceOf(InvalidArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("n"));
        assertThatThrownBy(() -> payload.requireString("s")).isInstanceOf(InvalidArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("s"));
        assertThatThrownBy(() -> payload.requireInt("big")).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> payload.requireInt("absent")).isInstanceOf(InvalidArgument.class)
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("absent"));
        assertThat(payload.requireLong("big")).isEqualTo(99_999_999_999L);
        assertThat(Payload.parse("{\"n\":2.0}").requireInt("n")).isEqualTo(2);
    }

    @Test
    void a_payload_is_immutable() {
        Payload payload = Payload.parse("{\"a\":1}");
        payload.json().addProperty("a", 2);

        assertThat(payload.with("b", 2).toJson()).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(payload.toJson()).isEqualTo("{\"a\":1}");
    }

    @Test
    void state_records_round_trip_through_json() {
        Calculator.State state = new Calculator.State("12.5", null, "+", 3.25);

        assertThat(Calculator.type().stateFromJson(Calculator.type().stateToJson(state))).isEqualTo(state);
    }

    @Test
    void envelopes_round_trip_through_their_stored_form() {
        Envelope envelope = new Envelope(new StreamId("t", "numbers", "a"), 3, "AddNumbers",
                Actor.of("t", "u", "r1", "r2"),
                List.of(Event.of("NumbersAdded", Payload.parse("{\"number1\":1,\"nested\":{\"x\":[1,2]}}"))),
                Instant.parse("2026-11-22T10:15:30.123Z"), "idem-1", "fp-1", "attempt-1");

        assertThat(EnvelopeCodec.read(EnvelopeCodec.write(envelope))).isEqualTo(envelope);
    }
}
