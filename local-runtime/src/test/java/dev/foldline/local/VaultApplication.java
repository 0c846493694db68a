package dev.foldline.local;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Application;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test application registered through ServiceLoader next to the examples and the HTTP contract's
 * application: a command that holds until the test lets it go (to have a request in flight at a
 * chosen moment).
 */
public final class VaultApplication implements Application {

    /** Counted down when HoldVault is running; HoldVault then waits for {@link #release}. */
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(0);

    public record Vault(boolean open) {
    }

    @Override
    public List<AggregateType<?>> aggregates() {
        return List.of(AggregateType.named("vault", Vault.class, () -> new Vault(false))
                .command("HoldVault", context -> {
                    entered.countDown();
                    try {
                        if (!release.await(60, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never released HoldVault");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    context.push("VaultOpened");
                })
                .event("VaultOpened", (state, event) -> new Vault(true))
                .build());
    }
}
