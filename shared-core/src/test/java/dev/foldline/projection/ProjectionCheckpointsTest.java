package dev.foldline.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.model.StreamId;
import org.junit.jupiter.api.Test;

class ProjectionCheckpointsTest {


    @Test
    void parking_on_a_key_that_never_accepts_the_write_fails_after_bounded_attempts_instead_of_spinning() {
        CountingCheckpoints store = new CountingCheckpoints(true);
        HandlerFailure failure = new HandlerFailure("counter", new StreamId("t1", "numbers", "n1"), 3, "boom");

        assertThatThrownBy(() -> new ProjectionCheckpoints(store).park("scope", failure))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("attempts");
        assertThat(store.writes.get()).isEqualTo(100);
    }
}
