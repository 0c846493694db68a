package dev.foldline.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.app.Applications;
import dev.foldline.app.Assembly;
import dev.foldline.command.CommandHandler;
import dev.foldline.errors.NotImplemented;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import dev.foldline.projection.PollReader;
import dev.foldline.projection.PollResult;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.projection.Projector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Envelopes stored in old shapes (appended through the SPI as the store holds them, schema version
 * 1 and 2 payloads) read on this store exactly like the history the current shapes write: same
 * state, same projection, and handlers never see an old shape. See {@link Basket}.
 */
public interface SchemaEvolutionContract extends StoreFixture {

    /** An envelope of a basket as the store holds it: the JSON the codec writes. */
    private static String stored(String tenant, String basket, long version, String command, String eventsJson) {
        return "{\"tenant\":\"" + tenant + "\",\"aggregateType\":\"basket\",\"aggregateId\":\"" + basket + "\","
                + "\"version\":" + version + ",\"command\":\"" + command + "\",\"actor\":{\"tenant\":\"" + tenant
                + "\",\"id\":\"user1\",\"roles\":[],\"claims\":{}},\"events\":[" + eventsJson + "],"
                + "\"committedAt\":\"2025-03-0" + (version + 1) + "T10:00:00Z\"}";
    }

    /** The old history of basket {@code old}: apple x2, apple replaced by pear x3, fig x1. */
    private void storeOldShapes(String tenant) {
        List<String> envelopes = List.of(
                stored(tenant, "old", 0, "AddItem",
                        "{\"name\":\"ItemAdded\",\"payload\":{\"sku\":\"apple\",\"qty\":2},\"schemaVersion\":1}"),
                stored(tenant, "old", 1, "ReplaceItem",
                        "{\"name\":\"ItemReplaced\",\"payload\":{\"old\":\"apple\",\"new\":\"pear\",\"qty\":3},\"schemaVersion\":1}"),
                stored(tenant, "old", 2, "AddItem",
                        "{\"name\":\"ItemAdded\",\"payload\":{\"sku\":\"fig\",\"quantity\":1},\"schemaVersion\":2}"));
        for (String envelope : envelopes) {
            store().append(EnvelopeCodec.read(envelope), null);
        }
    }

    /** The same facts written by today's commands to basket {@code new}. */
    private static void writeCurrentShapes(CommandHandler handler, Actor actor) {
        handler.command(actor, "AddItem", Payload.parse("{\"aggregateId\":\"new\",\"sku\":\"apple\",\"quantity\":2}"));
        handler.command(actor, "RemoveItem", Payload.parse("{\"aggregateId\":\"new\",\"sku\":\"apple\"}"));
        handler.command(actor, "AddItem", Payload.parse("{\"aggregateId\":\"new\",\"sku\":\"pear\",\"quantity\":3}"));
        handler.command(actor, "AddItem", Payload.parse("{\"aggregateId\":\"new\",\"sku\":\"fig\",\"quantity\":1}"));
    }

    private Applications basketApplication(Basket basket) {
        return Assembly.of(store(), List.of(basket));
    }

    @Test
    default void envelopes_stored_in_old_shapes_load_to_the_state_the_current_shapes_give() {
        Actor actor = Actor.of(freshTenant(), "user1");
        CommandHandler handler = new CommandHandler(store(), basketApplication(new Basket()).registry());
        storeOldShapes(actor.tenant());
        writeCurrentShapes(handler, actor);

        Object fromOld = new CommandHandler(store(), basketApplication(new Basket()).registry())
                .load(actor.tenant(), Basket.NAME, "old").state();
        Object fromNew = new CommandHandler(store(), basketApplication(new Basket()).registry())
                .load(actor.tenant(), Basket.NAME, "new").state();

        assertThat(fromOld).isEqualTo(fromNew)
                .isEqualTo(new Basket.State(Map.of("pear", 3, "fig", 1), List.of("unknown", "unknown", "unknown")));
    }

    @Test
    default void the_state_at_any_version_of_an_old_history_is_read_through_the_upcasters() {
        Actor actor = Actor.of(freshTenant(), "user1");
        storeOldShapes(actor.tenant());
        CommandHandler handler = new CommandHandler(store(), basketApplication(new Basket()).registry());

        assertThat(handler.loadAt(actor.tenant(), Basket.NAME, "old", 0).orElseThrow().state())
                .isEqualTo(new Basket.State(Map.of("apple", 2), List.of("unknown")));
        assertThat(handler.loadAt(actor.tenant(), Basket.NAME, "old", 1).orElseThrow().state())
                .isEqualTo(new Basket.State(Map.of("pear", 3), List.of("unknown", "unknown")));
    }

    @Test
    default void a_command_on_an_old_history_appends_its_event_at_the_current_schema_version() {
        Actor actor = Actor.of(freshTenant(), "user1");
        storeOldShapes(actor.tenant());

        new CommandHandler(store(), basketApplication(new Basket()).registry()).command(actor, "AddItem",
                Payload.parse("{\"aggregateId\":\"old\",\"sku\":\"kiwi\",\"quantity\":1,\"channel\":\"web\"}"));

        List<Event> appended = store().read(new StreamId(actor.tenant(), Basket.NAME, "old"), 3, 3).get(0).events();
        assertThat(appended).containsExactly(
                new Event("ItemAdded", Payload.parse("{\"sku\":\"kiwi\",\"quantity\":1,\"channel\":\"web\"}"), 3));
    }

    @Test
    default void projections_see_only_current_shapes_and_equal_those_of_the_current_history() {
        Actor actor = Actor.of(freshTenant(), "user1");
        Basket basket = new Basket();
        Applications applications = basketApplication(basket);
        storeOldShapes(actor.tenant());
        writeCurrentShapes(new CommandHandler(store(), applications.registry()), actor);

        PollReader reader = new PollReader(store(), new Projector(store()));
        PollResult polled;
        int polls = 0;
        do {
            polled = reader.poll(actor.tenant(), "evolution", applications.handlers(), 100, Duration.ofMinutes(1));
            assertThat(polled.failures()).isEmpty();
            assertThat(++polls).isLessThan(20);
        } while (polled.more());

        assertThat(basket.totals().quantities("old")).isEqualTo(basket.totals().quantities("new"))
                .isEqualTo(Map.of("pear", 3, "fig", 1));
        assertThat(basket.totals().seen()).hasSize(3 + 1 + 4)
                .allSatisfy(event -> {
                    assertThat(event.name()).isIn("ItemAdded", "ItemRemoved");
                    assertThat(event.schemaVersion()).isEqualTo(event.name().equals("ItemAdded") ? 3 : 1);
                    assertThat(event.payload().has("qty")).isFalse();
                });
    }

    @Test
    default void an_event_at_a_version_nothing_reads_fails_its_load_and_parks_its_projection_naming_it() {
        Actor actor = Actor.of(freshTenant(), "user1");
        store().append(EnvelopeCodec.read(stored(actor.tenant(), "future", 0, "AddItem",
                "{\"name\":\"ItemAdded\",\"payload\":{\"sku\":\"x\",\"quantity\":1,\"channel\":\"web\",\"gift\":true},"
                        + "\"schemaVersion\":4}")), null);
        Applications applications = basketApplication(new Basket());

        assertThatThrownBy(() -> new CommandHandler(store(), applications.registry()).load(actor.tenant(), Basket.NAME, "future"))
                .isInstanceOf(NotImplemented.class)
                .hasMessageContaining("basket").hasMessageContaining("ItemAdded").hasMessageContaining("4");
        ProjectionReport report = new Projector(store()).project("evolution",
                store().read(new StreamId(actor.tenant(), Basket.NAME, "future"), 0, 0), applications.handlers());
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.version()).isZero();
            assertThat(failure.error()).contains("basket").contains("ItemAdded").contains("4");
        });
    }
}
