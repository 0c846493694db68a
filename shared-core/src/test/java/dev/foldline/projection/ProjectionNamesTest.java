package dev.foldline.projection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.store.MemoryEventStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names that become checkpoint key segments cannot hold the separator. */
class ProjectionNamesTest {

    private final MemoryEventStore store = new MemoryEventStore();
    private final EventHandler slashed = EventHandler.of("counts/by-day", Map.of());

    @Test
    void a_handler_name_with_a_slash_is_refused() {
        assertThatThrownBy(() -> new Projector(store).project("trigger", List.of(), List.of(slashed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handler name");
    }

    @Test
    void a_scope_or_poll_thread_with_a_slash_is_refused() {
        EventHandler plain = EventHandler.of("counts", Map.of());
        assertThatThrownBy(() -> new Projector(store).project("a/b", List.of(), List.of(plain)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope");
        assertThatThrownBy(() -> new PollReader(store, new Projector(store))
                .poll("tenant1", "x/y", List.of(plain), 10, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thread");
    }
}
