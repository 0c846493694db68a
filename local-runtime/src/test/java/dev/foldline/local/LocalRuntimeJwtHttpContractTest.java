package dev.foldline.local;

import dev.foldline.http.HttpOptions;
import dev.foldline.http.Tokens;
import dev.foldline.http.contract.AdapterClient;
import dev.foldline.http.contract.HttpContract;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.JwtIdentity;
import dev.foldline.http.identity.JwtKey;
import dev.foldline.http.identity.JwtVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole HTTP contract over real HTTP against a runtime in JWT mode: every caller is a signed
 * bearer token, and a request without one is anonymous.
 */
class LocalRuntimeJwtHttpContractTest implements HttpContract {

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.with(dir -> RuntimeFixture.config(dir,
            new JwtIdentity(new JwtVerifier(JwtKey.Hs256.ofText(Tokens.SECRET), Optional.empty(), Optional.empty(),
                    Duration.ofSeconds(60), Clock.systemUTC()), ClaimsMapper.defaults()),
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
