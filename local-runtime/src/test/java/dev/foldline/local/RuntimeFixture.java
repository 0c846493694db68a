package dev.foldline.local;

import dev.foldline.http.HttpOptions;
import dev.foldline.http.identity.DevHeaderIdentity;
import dev.foldline.http.identity.IdentityResolver;
import dev.foldline.trace.Tracer;
import java.nio.file.Path;
import java.util.Map;

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
}
