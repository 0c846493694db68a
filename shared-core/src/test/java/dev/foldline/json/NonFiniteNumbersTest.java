package dev.foldline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.command.CommandHandler;
import dev.foldline.errors.FoldlineException;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.MemoryEventStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON has no NaN or Infinity: they never enter an envelope, and old envelopes holding one still read. */
class NonFiniteNumbersTest {

    record Ratio(double value) {
    }

    private final MemoryEventStore store = new MemoryEventStore();
    private final AggregateType<Ratio> ratios = AggregateType.named("ratio", Ratio.class, () -> new Ratio(0))
            .command("Divide", context -> {
                double result = context.payload().requireDouble("a") / context.payload().requireDouble("b");
                context.push("Divided", Map.of("stats", Map.of("samples", List.of(1.0, result))));
            })
            .event("Divided", (state, event) -> state)
            .build();
    private final CommandHandler handler = new CommandHandler(store, AggregateRegistry.of(ratios));
    private final Actor actor = Actor.of("t1", "u1");

    @Test
    void an_event_holding_nan_or_an_infinity_is_refused_naming_the_field_and_nothing_is_written() {
        for (String body : List.of("{\"aggregateId\":\"r\",\"a\":1,\"b\":0}", "{\"aggregateId\":\"r\",\"a\":0,\"b\":0}")) {
            assertThatThrownBy(() -> handler.command(actor, "Divide", Payload.parse(body)))
                    .isInstanceOf(InvalidArgument.class)
                    .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("stats.samples[1]"));
        }
        assertThat(store.read(new StreamId("t1", "ratio", "r"), 0, Long.MAX_VALUE)).isEmpty();

        assertThat(handler.command(actor, "Divide", Payload.parse("{\"aggregateId\":\"r\",\"a\":1,\"b\":4}")).version())
                .isZero();
    }

    @Test
    void an_envelope_stored_with_a_bare_nan_or_infinity_still_reads_and_answers_them_as_numbers() {
        String stored = "{\"tenant\":\"t1\",\"aggregateType\":\"ratio\",\"aggregateId\":\"r\",\"version\":0,"
                + "\"command\":\"Divide\",\"actor\":{\"tenant\":\"t1\",\"id\":\"u1\",\"roles\":[],\"claims\":{}},"
                + "\"events\":[{\"name\":\"Divided\",\"payload\":{\"x\":NaN,\"y\":Infinity,\"z\":-Infinity,"
                + "\"label\":\"NaN\"},\"schemaVersion\":1}],\"committedAt\":\"2026-01-01T00:00:00Z\"}";

        Envelope envelope = EnvelopeCodec.read(stored);

        Payload payload = envelope.events().get(0).payload();
        assertThat(payload.requireDouble("x")).isNaN();
        assertThat(payload.requireDouble("y")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(payload.requireDouble("z")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Json.parseObject(EnvelopeCodec.write(envelope))).isNotNull();
    }

    @Test
    void a_request_cannot_pass_nan_as_a_string_where_a_number_is_required() {
        assertThatThrownBy(() -> Payload.parse("{\"a\":\"NaN\"}").requireDouble("a"))
                .isInstanceOf(InvalidArgument.class);
    }
}
