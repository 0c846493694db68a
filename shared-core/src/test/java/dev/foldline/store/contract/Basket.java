package dev.foldline.store.contract;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.aggregate.EventSchema;
import dev.foldline.aggregate.Nullable;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.app.Application;
import dev.foldline.json.Payload;
import dev.foldline.json.RecordCodec;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.projection.EventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A typed aggregate whose events changed shape after envelopes were stored: {@code ItemAdded} v1
 * named its quantity {@code qty}, v2 renamed it, v3 added the channel; {@code ItemReplaced} (v1,
 * no longer written) said two things and is now a removal and an addition. With a projection of
 * the quantities per basket that must see only current shapes.
 */
public final class Basket implements Application {

    public static final String NAME = "basket";

    public record AddItem(String sku, int quantity, @Nullable String channel) {
    }

    public record RemoveItem(String sku) {
    }

    public sealed interface BasketEvent permits ItemAdded, ItemRemoved {
    }

    @EventSchema(version = 3)
    public record ItemAdded(String sku, int quantity, String channel) implements BasketEvent {
    }

    public record ItemRemoved(String sku) implements BasketEvent {
    }

    public record State(Map<String, Integer> quantities, List<String> channels) {

        State add(ItemAdded item) {
            Map<String, Integer> next = new TreeMap<>(quantities);
            next.merge(item.sku(), item.quantity(), Integer::sum);
            List<String> seen = new ArrayList<>(channels);
            seen.add(item.channel());
            return new State(next, seen);
        }

        State remove(ItemRemoved item) {
            Map<String, Integer> next = new TreeMap<>(quantities);
            next.remove(item.sku());
            return new State(next, channels);
        }
    }

    private final Totals totals = new Totals();

    @Override
    public List<AggregateType<?>> aggregates() {
        return List.of(type());
    }

    @Override
    public List<EventHandler> handlers() {
        return List.of(totals);
    }

    public Totals totals() {
        return totals;
    }

    public static AggregateType<State> type() {
        return AggregateType.typed(NAME, State.class, () -> new State(Map.of(), List.of()), BasketEvent.class)
                .command(AddItem.class, (context, command) -> context.push(new ItemAdded(command.sku(), command.quantity(),
                        command.channel() == null ? "unknown" : command.channel())))
                .command(RemoveItem.class, (context, command) -> context.push(new ItemRemoved(command.sku())))
                .event(ItemAdded.class, State::add)
                .event(ItemRemoved.class, State::remove)
                // v1 {"sku","qty"}: the quantity member was renamed.
                .upcast("ItemAdded", 1, payload -> payload.without("qty").with("quantity", payload.requireInt("qty")))
                // v2 had no channel: items added before channels were recorded.
                .upcast("ItemAdded", 2, payload -> payload.with("channel", "unknown"))
                // ItemReplaced {"old","new","qty"} said two things: a removal, and an addition in the v1 shape.
                .upcastInto("ItemReplaced", 1, payload -> List.of(
                        Event.of("ItemRemoved", Payload.empty().with("sku", payload.requireString("old"))),
                        Event.of("ItemAdded", Payload.empty().with("sku", payload.requireString("new"))
                                .with("qty", payload.requireInt("qty")))))
                .snapshots(SnapshotPolicy.every(2))
                .build();
    }

    /** The quantities per basket, from the events as handlers see them, which it also keeps. */
    public static final class Totals implements EventHandler {

        private static final RecordCodec<ItemAdded> ADDED = RecordCodec.of(ItemAdded.class);
        private static final RecordCodec<ItemRemoved> REMOVED = RecordCodec.of(ItemRemoved.class);

        private final Map<String, Map<String, Integer>> byBasket = new ConcurrentHashMap<>();
        private final List<Event> seen = new ArrayList<>();

        @Override
        public String name() {
            return "basket-totals";
        }

        @Override
        public Map<String, Reaction> reactions() {
            return Map.of("ItemAdded", this::added, "ItemRemoved", this::removed);
        }

        private synchronized void added(Envelope envelope, Event event) {
            seen.add(event);
            ItemAdded item = ADDED.decode(event.payload(), false);
            basket(envelope).merge(item.sku(), item.quantity(), Integer::sum);
        }

        private synchronized void removed(Envelope envelope, Event event) {
            seen.add(event);
            basket(envelope).remove(REMOVED.decode(event.payload(), false).sku());
        }

        private Map<String, Integer> basket(Envelope envelope) {
            return byBasket.computeIfAbsent(envelope.stream().aggregateId(), id -> new TreeMap<>());
        }

        public synchronized Map<String, Integer> quantities(String basket) {
            return Map.copyOf(byBasket.getOrDefault(basket, Map.of()));
        }

        public synchronized List<Event> seen() {
            return List.copyOf(seen);
        }
    }
}
