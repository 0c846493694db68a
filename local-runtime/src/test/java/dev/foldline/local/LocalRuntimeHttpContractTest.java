package dev.foldline.local;

import dev.foldline.http.HttpOptions;
import dev.foldline.http.contract.AdapterClient;
import dev.foldline.http.contract.HttpContract;
import dev.foldline.http.identity.DevHeaderIdentity;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole HTTP contract over real HTTP against a running runtime on SQLite, in development mode.
 * Its projections run before a command is answered, so nothing needs delivering.
 */
class LocalRuntimeHttpContractTest implements HttpContract {

    private static final int BODY_LIMIT = 4 * 1024;

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.with(
            dir -> RuntimeFixture.config(dir, new DevHeaderIdentity(), new HttpOptions(BODY_LIMIT)));

    @Override
    public AdapterClient client() {
        return OverHttp.withDevHeaders(server.baseUri());
    }

    @Override
    public int maxBodyBytes() {
        return BODY_LIMIT;
    }
}
