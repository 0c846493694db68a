package dev.foldline.http.contract;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.aggregate.Nullable;
import dev.foldline.app.Application;
import java.util.List;
import java.util.Set;

/**
 * What the HTTP contract needs beyond the example application, registered by the adapter under
 * test next to it: a command only admins may run (403 for anyone else), a command with a bug in
 * it (500 without a trace of the bug in the answer) and a strict typed command whose record holds
 * every kind of component a command may carry (the binding errors of {@link TypedBindingOverHttp}).
 */
public final class ContractApplication implements Application {

    public static final String OPEN_SAFE = "OpenSafe";
    public static final String BREAK_SAFE = "BreakSafe";
    public static final String SHIP_PARCEL = "ShipParcel";
    public static final String ADMIN = "admin";
    /** What the bug says; it must never reach a client. */
    public static final String BUG = "internal detail that must not leak";

    public record Safe(boolean open) {
    }

    public enum Speed { STANDARD, EXPRESS }

    public record Address(String street, String city) {
    }

    public record Item(String sku, int quantity) {
    }

    public record ShipParcel(Address to, List<Item> items, Speed speed, @Nullable String note) {
    }

    public sealed interface ParcelEvent permits ParcelShipped {
    }

    public record ParcelShipped(Address to, List<Item> items, Speed speed, @Nullable String note) implements ParcelEvent {
    }

    public record Parcel(int shipments) {
    }

    @Override
    public List<AggregateType<?>> aggregates() {
        return List.of(AggregateType.named("safe", Safe.class, () -> new Safe(false))
                .command(OPEN_SAFE, Set.of(ADMIN), context -> context.push("SafeOpened"))
                .command(BREAK_SAFE, context -> {
                    throw new IllegalStateException(BUG);
                })
                .event("SafeOpened", (state, event) -> new Safe(true))
                .build(),
                AggregateType.typed("parcel", Parcel.class, () -> new Parcel(0), ParcelEvent.class)
                        .command(ShipParcel.class, (context, command) -> context.push(
                                new ParcelShipped(command.to(), command.items(), command.speed(), command.note())))
                        .event(ParcelShipped.class, (state, event) -> new Parcel(state.shipments() + 1))
                        .strict()
                        .build());
    }
}
