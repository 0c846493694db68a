package dev.foldline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.errors.NotImplemented;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upcasters on the Payload layer: chains, renames and splits, and the errors of what nothing reads. */
class UpcastingTest {

    /** The events applied, as "name payload". */
    record Journal(List<String> lines) {
    }

    private static AggregateType.Builder<Journal> journal() {
        return AggregateType.named("journal", Journal.class, () -> new Journal(List.of()))
                .command("Write", context -> context.push("Noted", context.payload()))
                .event("Noted", 3, (state, event) -> appended(state, event))
                .event("Tagged", (state, event) -> appended(state, event))
                // v1 {"text"} -> v2 {"body"} -> v3 {"body","lang"}
                .upcast("Noted", 1, payload -> payload.without("text").with("body", payload.requireString("text")))
                .upcast("Noted", 2, payload -> payload.with("lang", "en"))
                // An old event that said two things: a v1 note and a tag.
                .upcastInto("NotedAndTagged", 1, payload -> List.of(
                        Event.of("Noted", Payload.empty().with("text", payload.requireString("text"))),
                        Event.of("Tagged", Payload.empty().with("tag", payload.requireString("tag")))));
    }

    private static Journal appended(Journal state, Event event) {
        List<String> next = new ArrayList<>(state.lines());
        next.add(event.name() + " " + event.payload().toJson());
        return new Journal(next);
    }

    private static final Journal EMPTY = new Journal(List.of());
    private static final AggregateType<Journal> JOURNAL = journal().build();

    @Test
    void an_old_payload_climbs_the_chain_of_upcasters_to_the_current_version() {
        assertThat(JOURNAL.apply(EMPTY, Event.of("Noted", Payload.parse("{\"text\":\"hi\"}"))).lines())
                .containsExactly("Noted {\"body\":\"hi\",\"lang\":\"en\"}");
        assertThat(JOURNAL.apply(EMPTY, new Event("Noted", Payload.parse("{\"body\":\"hi\"}"), 2)).lines())
                .containsExactly("Noted {\"body\":\"hi\",\"lang\":\"en\"}");
    }

    @Test
    void an_event_split_by_an_upcaster_is_applied_as_the_events_it_became_each_upcast_further() {
        Event old = Event.of("NotedAndTagged", Payload.parse("{\"text\":\"hi\",\"tag\":\"x\"}"));

        assertThat(JOURNAL.apply(EMPTY, old).lines())
                .containsExactly("Noted {\"body\":\"hi\",\"lang\":\"en\"}", "Tagged {\"tag\":\"x\"}");
    }

    @Test
    void handlers_see_the_envelope_in_current_shapes_and_a_current_envelope_unchanged() {
        StreamId stream = new StreamId("t", "journal", "j");
        Envelope stored = new Envelope(stream, 0, "Write", Actor.of("t", "u"),
                List.of(Event.of("NotedAndTagged", Payload.parse("{\"text\":\"hi\",\"tag\":\"x\"}"))), Instant.EPOCH);
        Envelope current = new Envelope(stream, 1, "Write", Actor.of("t", "u"),
                List.of(JOURNAL.event("Noted", Payload.parse("{\"body\":\"b\",\"lang\":\"fr\"}"))), Instant.EPOCH);

        assertThat(AggregateRegistry.of(JOURNAL).inCurrentShapes(stored).events()).containsExactly(
                new Event("Noted", Payload.parse("{\"body\":\"hi\",\"lang\":\"en\"}"), 3),
                new Event("Tagged", Payload.parse("{\"tag\":\"x\"}"), 1));
        assertThat(AggregateRegistry.of(JOURNAL).inCurrentShapes(current)).isSameAs(current);
    }

    @Test
    void new_events_are_written_at_the_current_schema_version_of_their_name() {
        assertThat(JOURNAL.event("Noted", Payload.empty()).schemaVersion()).isEqualTo(3);
        assertThat(JOURNAL.event("Tagged", Payload.empty()).schemaVersion()).isEqualTo(1);
    }

    @Test
    void an_event_nothing_reads_is_an_error_naming_the_type_the_event_and_the_version() {
        assertThatThrownBy(() -> JOURNAL.apply(EMPTY, new Event("Noted", Payload.empty(), 4)))
                .isInstanceOf(NotImplemented.class).hasMessageContaining("journal").hasMessageContaining("Noted")
                .hasMessageContaining("4");
        assertThatThrownBy(() -> JOURNAL.apply(EMPTY, Event.of("Erased", Payload.empty())))
                .isInstanceOf(NotImplemented.class).hasMessageContaining("journal").hasMessageContaining("Erased")
                .hasMessageContaining("version 1");
        assertThatThrownBy(() -> JOURNAL.apply(EMPTY, new Event("NotedAndTagged", Payload.empty(), 2)))
                .isInstanceOf(NotImplemented.class).hasMessageContaining("NotedAndTagged").hasMessageContaining("2");
    }

    @Test
    void a_gap_in_the_chain_or_an_upcaster_beyond_the_current_version_fails_the_build() {
        assertThatThrownBy(() -> AggregateType.named("gap", String.class, () -> "")
                .command("Do", context -> { })
                .event("Noted", 3, (state, event) -> state)
                .upcast("Noted", 1, payload -> payload)
                .build())
                .hasMessageContaining("no upcaster from version 2");
        assertThatThrownBy(() -> AggregateType.named("beyond", String.class, () -> "")
                .command("Do", context -> { })
                .event("Noted", (state, event) -> state)
                .upcast("Noted", 1, payload -> payload)
                .build())
                .hasMessageContaining("1 is its current version");
    }
}
