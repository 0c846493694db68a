package dev.foldline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A runtime on a free port over a fresh data folder, started before a test class and closed after
 * it: {@code @RegisterExtension static final RunningRuntime server = RunningRuntime.withDefaults();}
 */
final class RunningRuntime implements BeforeAllCallback, AfterAllCallback {

    private final Function<Path, LocalConfig> config;
    private Path dataDir;
    private LocalRuntime runtime;
    private ApiClient api;

    private RunningRuntime(Function<Path, LocalConfig> config) {
        this.config = config;
    }

    static RunningRuntime withDefaults() {
        return new RunningRuntime(RuntimeFixture::config);
    }

    static RunningRuntime with(Function<Path, LocalConfig> config) {
        return new RunningRuntime(config);
    }

    ApiClient api() {
        return api;
    }

    java.net.URI baseUri() {
        return runtime.baseUri();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("foldline-runtime-");
        runtime = LocalRuntime.start(config.apply(dataDir));
        api = ApiClient.to(runtime.baseUri());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        runtime.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
