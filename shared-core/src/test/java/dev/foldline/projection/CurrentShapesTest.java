package dev.foldline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurrentShapesTest {

    @Test
    void a_handler_seeing_current_shapes_handles_and_reacts_to_the_envelope_as_upcast() throws Exception {
        List<String> seen = new ArrayList<>();
        EventHandler handler = EventHandler.of("h", Map.of("New", (envelope, event) -> seen.add(event.payload().toJson())));
        Envelope stored = envelope("Old");
        EventHandler seeing = EventHandler.seeing(envelope -> envelope("New"), handler);

        assertThat(handler.reactsTo(stored)).isFalse();
        assertThat(seeing.reactsTo(stored)).isTrue();
        seeing.handle(stored);
        assertThat(seeing.name()).isEqualTo("h");
        assertThat(seen).containsExactly("{\"was\":\"New\"}");
    }

    @Test
    void an_envelope_that_cannot_be_upcast_counts_as_one_to_handle_so_that_it_fails_and_parks() {
        EventHandler seeing = EventHandler.seeing(envelope -> {
            throw new IllegalStateException("version 9 is unknown");
        }, EventHandler.of("h", Map.of()));

        assertThat(seeing.reactsTo(envelope("Old"))).isTrue();
    }

    /**
     * The wrapper stands for the user's handler everywhere: a method a handler may override that
     * it did not forward would silently fall back to the default (say, a rebuild's reset).
     */
    @Test
    void the_wrapper_forwards_every_method_a_handler_may_override() {
        List<String> forwarded = Arrays.stream(CurrentShapes.class.getDeclaredMethods()).map(Method::getName).toList();

        assertThat(Arrays.stream(EventHandler.class.getMethods())
                .filter(method -> !java.lang.reflect.Modifier.isStatic(method.getModifiers()))
                .map(Method::getName))
                .allSatisfy(name -> assertThat(forwarded).as("CurrentShapes forwards " + name).contains(name));
    }

    private static Envelope envelope(String eventName) {
        return new Envelope(new StreamId("t", "type", "id"), 0, "Do", Actor.of("t", "u"),
                List.of(Event.of(eventName, Payload.empty().with("was", eventName))), Instant.EPOCH);
    }
}
