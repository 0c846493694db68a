package dev.foldline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandHandlerOptionsTest {

    @Test
    void idempotency_keys_are_kept_24_hours_unless_the_setting_says_otherwise() {
        CommandHandler.Options defaults = CommandHandler.Options.defaults();

        assertThat(defaults.withSettings(Map.of()).keyRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.withSettings(Map.of("FOLDLINE_IDEMPOTENCY_HOURS", " 72 ")).keyRetention())
                .isEqualTo(Duration.ofHours(72));
    }

    @Test
    void a_retention_that_is_not_a_whole_number_of_hours_from_1_stops_the_start_naming_the_setting() {
        for (String bad : List.of("0", "-3", "1.5", "a day", "9999999")) {
            assertThatThrownBy(() -> CommandHandler.Options.defaults().withSettings(Map.of("FOLDLINE_IDEMPOTENCY_HOURS", bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("FOLDLINE_IDEMPOTENCY_HOURS");
        }
    }

    @Test
    void the_cache_bound_comes_from_the_settings_in_mebibytes() {
        assertThat(CommandHandler.Options.defaults().withSettings(Map.of()).cacheBytes()).isEqualTo(64L << 20);
        assertThat(CommandHandler.Options.defaults().withSettings(Map.of("FOLDLINE_CACHE_MB", "256")).cacheBytes())
                .isEqualTo(256L << 20);
        assertThatThrownBy(() -> CommandHandler.Options.defaults().withSettings(Map.of("FOLDLINE_CACHE_MB", "-1")))
                .hasMessageContaining("FOLDLINE_CACHE_MB");
    }
}
