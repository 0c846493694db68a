package dev.foldline.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.model.StreamId;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.MemoryCheckpointStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProjectionCheckpointsTest {

    /** A store whose every write loses its compare-and-set, as under endless contention. */
    static final class AlwaysContended implements CheckpointStore {
        private final MemoryCheckpointStore inner = new MemoryCheckpointStore();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public Optional<Checkpoint> read(String tenant, String key) {
            return inner.read(tenant, key);
        }

        @Override
        public boolean write(String tenant, String key, String value, long expectedRevision) {
            writes.incrementAndGet();
            return false;
        }

        @Override
        public boolean delete(String tenant, String key, long expectedRevision) {
            return inner.delete(tenant, key, expectedRevision);
        }

        @Override
        public Map<String, Checkpoint> list(String tenant, String keyPrefix) {
            return inner.list(tenant, keyPrefix);
        }
    }

    @Test
    void parking_on_a_key_that_never_accepts_the_write_fails_after_bounded_attempts_instead_of_spinning() {
        AlwaysContended store = new AlwaysContended();
        HandlerFailure failure = new HandlerFailure("counter", new StreamId("t1", "numbers", "n1"), 3, "boom");

        assertThatThrownBy(() -> new ProjectionCheckpoints(store).park("scope", failure))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("attempts");
        assertThat(store.writes.get()).isEqualTo(100);
    }
}
