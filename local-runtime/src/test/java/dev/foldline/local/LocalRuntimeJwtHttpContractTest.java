package dev.foldline.local;

import dev.foldline.http.HttpOptions;
import dev.foldline.http.Tokens;
import dev.foldline.http.contract.AdapterClient;
import dev.foldline.http.contract.HttpContract;
import dev.foldline.jwt.JwtIdentity;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole HTTP contract over real HTTP against a runtime in JWT mode: every caller is a signed
 * bearer token, and a request without one is anonymous.
 */
class LocalRuntimeJwtHttpContractTest implements HttpContract {

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.with(dir -> RuntimeFixture.config(dir,
            JwtIdentity.fromEnvironment(Map.of("JWT_HS256_SECRET", Tokens.SECRET), Clock.systemUTC()),
            HttpOptions.defaults()));

    @Override
    public AdapterClient client() {
        return OverHttp.withBearerTokens(server.baseUri());
    }

    @Override
    public int maxBodyBytes() {
        return HttpOptions.DEFAULT_MAX_BODY_BYTES;
    }
}
