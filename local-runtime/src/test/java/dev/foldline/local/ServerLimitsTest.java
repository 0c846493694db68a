package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerLimitsTest {

    @Test
    void without_settings_the_limits_are_the_documented_defaults() {
        assertThat(ServerLimits.fromEnvironment(Map.of())).isEqualTo(ServerLimits.defaults());
        assertThat(ServerLimits.defaults().drain()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void each_limit_is_read_from_its_setting() {
        ServerLimits limits = ServerLimits.fromEnvironment(Map.of("FOLDLINE_READ_TIMEOUT_SECONDS", "3",
                "FOLDLINE_MAX_CONNECTIONS", "50", "FOLDLINE_WORKERS", "4", "FOLDLINE_QUEUED_REQUESTS", "0",
                "FOLDLINE_DRAIN_SECONDS", " 7 "));

        assertThat(limits).isEqualTo(new ServerLimits(Duration.ofSeconds(3), 50, 4, 0, Duration.ofSeconds(7)));
    }

    @Test
    void a_setting_that_is_no_whole_number_or_out_of_range_stops_the_start_naming_it() {
        assertThatThrownBy(() -> ServerLimits.fromEnvironment(Map.of("FOLDLINE_DRAIN_SECONDS", "ten")))
                .hasMessageContaining("FOLDLINE_DRAIN_SECONDS");
        assertThatThrownBy(() -> ServerLimits.fromEnvironment(Map.of("FOLDLINE_DRAIN_SECONDS", "-1")))
                .hasMessageContaining("FOLDLINE_DRAIN_SECONDS");
        assertThatThrownBy(() -> ServerLimits.fromEnvironment(Map.of("FOLDLINE_READ_TIMEOUT_SECONDS", "0")))
                .hasMessageContaining("FOLDLINE_READ_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> ServerLimits.fromEnvironment(Map.of("FOLDLINE_WORKERS", "0")))
                .hasMessageContaining("FOLDLINE_WORKERS");
        assertThatThrownBy(() -> ServerLimits.fromEnvironment(Map.of("FOLDLINE_MAX_CONNECTIONS", "99999999999")))
                .hasMessageContaining("FOLDLINE_MAX_CONNECTIONS");
    }
}
