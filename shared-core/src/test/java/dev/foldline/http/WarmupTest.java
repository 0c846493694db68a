package dev.foldline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.DevHeaderIdentity;
import dev.foldline.http.identity.VerifiedClaimsIdentity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void the_dry_run_reaches_commands_reads_and_errors_through_the_real_request_path() {
        assertThat(Warmup.dryRun(new VerifiedClaimsIdentity(ClaimsMapper.defaults()), Map.of(),
                Map.of("tenant", "-", "sub", "-")))
                .containsExactly(200, 200, 200, 200, 200, 200, 400, 404);
        assertThat(Warmup.dryRun(new DevHeaderIdentity(), Map.of("X-Tenant", "-", "X-Actor-Id", "-"), Map.of()))
                .containsExactly(200, 200, 200, 200, 200, 200, 400, 404);
    }
}
