package dev.foldline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import dev.foldline.projection.EventHandler;
import dev.foldline.projection.Projector;
import dev.foldline.store.EventStore;
import dev.foldline.store.MemoryEventStore;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssemblyTest {

    private final EventStore store = new MemoryEventStore();

    /** Found through a service file written by the test, never one on the shared test class path. */
    public static final class ShopApplication implements Application {
        @Override
        public List<AggregateType<?>> aggregates() {
            return List.of(AggregateType.named("cart", String.class, () -> "")
                    .command("AddItem", context -> context.push("ItemAdded"))
                    .event("ItemAdded", (state, event) -> state)
                    .build());
        }

        @Override
        public List<EventHandler> handlers() {
            return List.of(EventHandler.of("orders", Map.of()));
        }
    }

    @Test
    void the_examples_are_served_unless_the_settings_turn_them_off() {
        Applications on = Assembly.fromSettings(Map.of(), store, getClass().getClassLoader());
        assertThat(on.registry().types()).extracting(AggregateType::name).contains("numbers", "calculator");
        assertThat(on.views()).extracting(ProjectionView::name).containsExactly(ExamplesApplication.COUNTER);

        for (String off : List.of("off", "OFF", " off ")) {
            assertThatThrownBy(() -> Assembly.fromSettings(Map.of(Assembly.EXAMPLES, off), store,
                    getClass().getClassLoader()))
                    .as(off)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("META-INF/services/dev.foldline.app.Application");
        }
    }

    @Test
    void a_setting_other_than_on_or_off_is_refused_with_its_name() {
        assertThatThrownBy(() -> Assembly.examples(Map.of(Assembly.EXAMPLES, "false")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Assembly.examples(Map.of(Assembly.EXAMPLES, "sometimes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Assembly.EXAMPLES).hasMessageContaining("sometimes");
        assertThat(Assembly.examples(Map.of(Assembly.EXAMPLES, "on"))).isTrue();
    }

    @Test
    void applications_listed_for_the_service_loader_join_the_examples(@TempDir Path classes) throws IOException {
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve(Application.class.getName()), ShopApplication.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Applications both = Assembly.fromSettings(Map.of(), store, loader);
            assertThat(both.registry().types()).extracting(AggregateType::name)
                    .containsExactlyInAnyOrder("numbers", "calculator", "cart");

            Applications shopOnly = Assembly.fromSettings(Map.of(Assembly.EXAMPLES, "off"), store, loader);
            assertThat(shopOnly.registry().types()).extracting(AggregateType::name).containsExactly("cart");
            assertThat(shopOnly.storedHandlers()).isEmpty();
            assertThat(shopOnly.handlers(false)).extracting(EventHandler::name).containsExactly("orders");
        }
    }

    @Test
    void store_aware_applications_get_the_store_and_their_handlers_count_as_stored() throws Exception {
        Applications applications = Assembly.of(store,
                List.of(new ExamplesApplication(), new ShopApplication()));
        assertThat(applications.storedHandlers()).containsExactly(ExamplesApplication.COUNTER);
        assertThat(applications.handlers(true)).extracting(EventHandler::name).containsExactly(ExamplesApplication.COUNTER);
        assertThat(applications.handlers(false)).extracting(EventHandler::name).containsExactly("orders");

        StreamId stream = new StreamId("t1", "numbers", "n1");
        Envelope added = new Envelope(stream, 0, "AddNumbers", Actor.of("t1", "u1"),
                List.of(Event.of("NumbersAdded", Payload.empty().with("number1", 1).with("number2", 2))),
                Instant.now());
        new Projector(store).project("test", List.of(added), applications.handlers(true));

        ProjectionView counter = applications.views().get(0);
        assertThat(counter.stateOfTenant().apply("t1")).isEqualTo(Map.of("events", Map.of("n1", 1)));
        assertThat(counter.stateOfTenant().apply("t2")).isEqualTo(Map.of("events", Map.of()));
        assertThat(store.checkpoints().list("t1", "")).isNotEmpty();
    }
}
