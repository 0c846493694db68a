package dev.foldline.local;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Application;
import java.util.List;
import java.util.Set;

/**
 * A test application registered through ServiceLoader next to the examples: a command only admins
 * may run (403 otherwise) and a command with a bug in it (500).
 */
public final class VaultApplication implements Application {

    public record Vault(boolean open) {
    }

    @Override
    public List<AggregateType<?>> aggregates() {
        return List.of(AggregateType.named("vault", Vault.class, () -> new Vault(false))
                .command("OpenVault", Set.of("admin"), context -> context.push("VaultOpened"))
                .command("BreakVault", context -> {
                    throw new IllegalStateException("internal detail that must not leak");
                })
                .event("VaultOpened", (state, event) -> new Vault(true))
                .build());
    }
}
