package dev.foldline.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compare-and-set key-value space the projector and the poll reader build on. */
public interface CheckpointContract extends StoreFixture {

    default CheckpointStore checkpoints() {
        return store().checkpoints();
    }

    @Test
    default void a_new_checkpoint_is_written_at_revision_zero_only_when_absent() {
        String tenant = freshTenant();

        assertThat(checkpoints().read(tenant, "cursor/a")).isEmpty();
        assertThat(checkpoints().write(tenant, "cursor/a", "one", Checkpoint.ABSENT)).isTrue();
        assertThat(checkpoints().write(tenant, "cursor/a", "again", Checkpoint.ABSENT)).isFalse();
        assertThat(checkpoints().read(tenant, "cursor/a")).contains(new Checkpoint("one", 0));
    }

    @Test
    default void a_checkpoint_write_naming_a_stale_revision_changes_nothing() {
        String tenant = freshTenant();
        checkpoints().write(tenant, "k", "v0", Checkpoint.ABSENT);
        assertThat(checkpoints().write(tenant, "k", "v1", 0)).isTrue();

        assertThat(checkpoints().write(tenant, "k", "stale", 0)).isFalse();
        assertThat(checkpoints().read(tenant, "k")).contains(new Checkpoint("v1", 1));
    }

    @Test
    default void a_checkpoint_is_deleted_only_at_its_current_revision() {
        String tenant = freshTenant();
        checkpoints().write(tenant, "k", "v0", Checkpoint.ABSENT);
        checkpoints().write(tenant, "k", "v1", 0);

        assertThat(checkpoints().delete(tenant, "k", 0)).isFalse();
        assertThat(checkpoints().read(tenant, "k")).isPresent();
        assertThat(checkpoints().delete(tenant, "k", 1)).isTrue();
        assertThat(checkpoints().read(tenant, "k")).isEmpty();
        assertThat(checkpoints().write(tenant, "k", "fresh", Checkpoint.ABSENT)).isTrue();
    }

    @Test
    default void checkpoints_are_listed_by_prefix_in_key_order() {
        String tenant = freshTenant();
        for (String key : List.of("parked/b/2", "parked/a/1", "parked/b/1", "parkedX/1", "cursor/a")) {
            checkpoints().write(tenant, key, "value of " + key, Checkpoint.ABSENT);
        }

        assertThat(checkpoints().list(tenant, "parked/").keySet())
                .containsExactly("parked/a/1", "parked/b/1", "parked/b/2");
        assertThat(checkpoints().list(tenant, "parked/b/").get("parked/b/2"))
                .isEqualTo(new Checkpoint("value of parked/b/2", 0));
        assertThat(checkpoints().list(tenant, "nothing/")).isEmpty();
    }

    @Test
    default void checkpoints_of_two_tenants_are_separate() {
        String one = freshTenant();
        String two = freshTenant();
        checkpoints().write(one, "cursor/x", "in one", Checkpoint.ABSENT);

        assertThat(checkpoints().read(two, "cursor/x")).isEmpty();
        assertThat(checkpoints().list(two, "cursor/")).isEmpty();
        assertThat(checkpoints().write(two, "cursor/x", "in two", Checkpoint.ABSENT)).isTrue();
        assertThat(checkpoints().read(one, "cursor/x").map(Checkpoint::value)).contains("in one");
    }

    @Test
    default void concurrent_compare_and_set_increments_lose_nothing() throws Exception {
        String tenant = freshTenant();
        int threads = 4;
        int increments = 10;
        checkpoints().write(tenant, "counter", "0", Checkpoint.ABSENT);
        Concurrently.run(threads, t -> {
            for (int i = 0; i < increments; i++) {
                while (true) {
                    Checkpoint current = checkpoints().read(tenant, "counter").orElseThrow();
                    String next = Integer.toString(Integer.parseInt(current.value()) + 1);
                    if (checkpoints().write(tenant, "counter", next, current.revision())) {
                        break;
                    }
                }
            }
        });

        Optional<Checkpoint> counter = checkpoints().read(tenant, "counter");
        assertThat(counter).contains(new Checkpoint(Integer.toString(threads * increments), threads * increments));
    }
}
