package dev.foldline.http.contract;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Application;
import java.util.List;
import java.util.Set;

/**
 * What the HTTP contract needs beyond the example application, registered by the adapter under
 * test next to it: a command only admins may run (403 for anyone else) and a command with a bug in
 * it (500 without a trace of the bug in the answer).
 */
public final class ContractApplication implements Application {

    public static final String OPEN_SAFE = "OpenSafe";
    public static final String BREAK_SAFE = "BreakSafe";
    public static final String ADMIN = "admin";
    /** What the bug says; it must never reach a client. */
    public static final String BUG = "internal detail that must not leak";

    public record Safe(boolean open) {
    }

    @Override
    public List<AggregateType<?>> aggregates() {
        return List.of(AggregateType.named("safe", Safe.class, () -> new Safe(false))
                .command(OPEN_SAFE, Set.of(ADMIN), context -> context.push("SafeOpened"))
                .command(BREAK_SAFE, context -> {
                    throw new IllegalStateException(BUG);
                })
                .event("SafeOpened", (state, event) -> new Safe(true))
                .build());
    }
}
