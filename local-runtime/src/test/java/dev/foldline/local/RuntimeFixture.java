package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.http.HttpOptions;
import dev.foldline.http.identity.DevHeaderIdentity;
import dev.foldline.http.identity.IdentityResolver;
import dev.foldline.trace.Tracer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Starts real runtimes on free ports (never a fixed one) over a test's data folder. */
final class RuntimeFixture {

    private RuntimeFixture() {
    }

    static LocalConfig config(Path dataDir) {
        return config(dataDir, new DevHeaderIdentity(), HttpOptions.defaults());
    }

    static LocalConfig config(Path dataDir, IdentityResolver identity, HttpOptions http) {
        return new LocalConfig("127.0.0.1", 0, dataDir, http, identity, "test identity", Map.of(), Tracer.NOOP);
    }

    static LocalRuntime start(Path dataDir) {
        return LocalRuntime.start(config(dataDir));
    }

    /** Spins (no sleep) until the runtime holds that many requests, as {@code count} tells; fails after 30 s. */
    static void awaitAtLeast(int expected, IntSupplier count, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count.getAsInt() < expected) {
            assertThat(System.nanoTime()).as(expected + " " + what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
