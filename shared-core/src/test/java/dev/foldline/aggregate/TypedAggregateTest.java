package dev.foldline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.command.CommandHandler;
import dev.foldline.errors.FoldlineException;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import dev.foldline.store.MemoryEventStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedAggregateTest {

    record Lamp(boolean on, int switches) {
    }

    record Switch(boolean on) {
    }

    sealed interface LampEvent permits SwitchedOn, SwitchedOff {
    }

    @EventSchema(name = "LampSwitchedOn", version = 2)
    record SwitchedOn(String by) implements LampEvent {
    }

    record SwitchedOff() implements LampEvent {
    }

    private static TypedAggregate<Lamp, LampEvent> lamp() {
        return AggregateType.typed("lamp", Lamp.class, () -> new Lamp(false, 0), LampEvent.class)
                .command(Switch.class, (context, command) -> context.push(command.on()
                        ? new SwitchedOn(context.actor().id()) : new SwitchedOff()))
                .upcast("LampSwitchedOn", 1, payload -> payload.with("by", "someone"));
    }

    private static AggregateType<Lamp> perRecord() {
        return lamp()
                .event(SwitchedOn.class, (state, event) -> new Lamp(true, state.switches() + 1))
                .event(SwitchedOff.class, (state, event) -> new Lamp(false, state.switches() + 1))
                .strict()
                .build();
    }

    private final MemoryEventStore store = new MemoryEventStore();
    private final Actor actor = Actor.of("tenant1", "ann");

    @Test
    void a_pushed_record_is_stored_under_its_schema_name_and_version_as_its_json() {
        CommandHandler handler = new CommandHandler(store, AggregateRegistry.of(perRecord()));

        handler.command(actor, "Switch", Payload.parse("{\"aggregateId\":\"l\",\"on\":true}"));

        Event stored = store.read(new StreamId("tenant1", "lamp", "l"), 0, 0).get(0).events().get(0);
        assertThat(stored).isEqualTo(new Event("LampSwitchedOn", Payload.parse("{\"by\":\"ann\"}"), 2));
        assertThat(handler.load("tenant1", "lamp", "l").state()).isEqualTo(new Lamp(true, 1));
    }

    @Test
    void a_body_that_does_not_bind_is_an_invalid_argument_naming_the_field_and_nothing_is_written() {
        CommandHandler handler = new CommandHandler(store, AggregateRegistry.of(perRecord()));

        for (String body : List.of("{\"aggregateId\":\"l\"}", "{\"aggregateId\":\"l\",\"on\":\"yes\"}",
                "{\"aggregateId\":\"l\",\"on\":null}", "{\"aggregateId\":\"l\",\"on\":true,\"colour\":\"red\"}")) {
            assertThatThrownBy(() -> handler.command(actor, "Switch", Payload.parse(body))).as(body)
                    .isInstanceOf(InvalidArgument.class)
                    .satisfies(e -> assertThat(((FoldlineException) e).argument().orElseThrow()).isIn("on", "colour"));
        }
        assertThat(store.read(new StreamId("tenant1", "lamp", "l"), 0, 10)).isEmpty();
    }

    @Test
    void an_event_record_without_an_applier_fails_the_build_naming_it() {
        TypedAggregate<Lamp, LampEvent> missing = lamp().event(SwitchedOn.class, (state, event) -> state);

        assertThatThrownBy(missing::build).hasMessageContaining("SwitchedOff").hasMessageContaining("lamp");
    }

    @Test
    void one_applier_for_the_whole_sealed_interface_replaces_the_per_record_ones() {
        AggregateType<Lamp> whole = lamp().events((state, event) -> event instanceof SwitchedOn
                ? new Lamp(true, state.switches() + 1) : new Lamp(false, state.switches() + 1)).build();
        CommandHandler handler = new CommandHandler(store, AggregateRegistry.of(whole));

        handler.command(actor, "Switch", Payload.parse("{\"aggregateId\":\"w\",\"on\":true}"));
        handler.command(actor, "Switch", Payload.parse("{\"aggregateId\":\"w\",\"on\":false}"));

        assertThat(handler.load("tenant1", "lamp", "w").state()).isEqualTo(new Lamp(false, 2));
        assertThatThrownBy(() -> lamp().events((state, event) -> state)
                .event(SwitchedOff.class, (state, event) -> state).build())
                .hasMessageContaining("both");
    }

    interface NotSealed {
    }

    sealed interface Shapes permits Round, Square {
    }

    sealed interface Round extends Shapes permits Circle {
    }

    record Circle(int radius) implements Round {
    }

    record Square(int side) implements Shapes {
    }

    @Test
    void records_under_a_sealed_sub_interface_count_and_an_applier_for_the_sub_interface_itself_is_refused() {
        assertThatThrownBy(() -> AggregateType.typed("shapes", Lamp.class, () -> null, Shapes.class)
                .command(Switch.class, (context, command) -> { })
                .event(Square.class, (state, event) -> state)
                .build())
                .hasMessageContaining("Circle");
        assertThatThrownBy(() -> AggregateType.typed("shapes", Lamp.class, () -> null, Shapes.class)
                .command(Switch.class, (context, command) -> { })
                .event(Square.class, (state, event) -> state)
                .event(Circle.class, (state, event) -> state)
                .event(Round.class, (state, event) -> state)
                .build())
                .hasMessageContaining("Round is not an event record");
    }

    @Test
    void events_must_be_a_sealed_interface_of_records() {
        assertThatThrownBy(() -> AggregateType.typed("x", Lamp.class, () -> null, NotSealed.class))
                .hasMessageContaining("sealed interface");
    }

    @Test
    void an_old_shape_is_upcast_before_the_typed_applier_binds_it() {
        StreamId stream = new StreamId("tenant1", "lamp", "old");
        store.append(new Envelope(stream, 0, "Switch", actor, List.of(Event.of("LampSwitchedOn", Payload.empty())),
                java.time.Instant.parse("2026-01-01T00:00:00Z")), null);
        SwitchedOnRecorder recorder = new SwitchedOnRecorder();
        AggregateType<Lamp> recording = lamp().event(SwitchedOn.class, recorder::apply)
                .event(SwitchedOff.class, (state, event) -> state).build();

        assertThat(new CommandHandler(store, AggregateRegistry.of(recording)).load("tenant1", "lamp", "old").state())
                .isEqualTo(new Lamp(true, 1));
        assertThat(recorder.seen).containsExactly(new SwitchedOn("someone"));
    }

    private static final class SwitchedOnRecorder {
        private final java.util.List<SwitchedOn> seen = new java.util.ArrayList<>();

        Lamp apply(Lamp state, SwitchedOn event) {
            seen.add(event);
            return new Lamp(true, state.switches() + 1);
        }
    }
}
