package dev.foldline.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.gcp.FirestoreEmulator;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.Checkpoint;
import dev.foldline.store.CheckpointStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Names that Firestore paths cannot hold as they are ({@code /}, {@code .}, {@code __x__}) or that
 * could forge another's path ({@code |}, {@code %}): escaped, they stay apart and read back as given.
 */
@ExtendWith(FirestoreEmulator.class)
class DocumentIdsTest {

    private static final List<String> AWKWARD = List.of("a/b", "a|b", "a", "b", "a%7Cb", "%", ".", "..", "__x__",
            "_", "ünï ✓", "a|");
    private static FirestoreEventStore store;

    @BeforeAll
    static void createStore() {
        store = new FirestoreEventStore(FirestoreEmulator.sharedClient(), FirestoreStoreOptions.defaults());
    }

    @Test
    void awkward_aggregate_ids_and_tenants_are_separate_streams_that_read_back_as_given() {
        String tenant = "t/" + UUID.randomUUID() + "|.";
        for (String id : AWKWARD) {
            assertThat(store.append(envelope(new StreamId(tenant, "type|x", id)), null)).isEqualTo(AppendResult.COMMITTED);
        }

        for (String id : AWKWARD) {
            StreamId stream = new StreamId(tenant, "type|x", id);
            assertThat(store.load(stream, -1).envelopes()).singleElement()
                    .satisfies(e -> assertThat(e.stream()).isEqualTo(stream));
            assertThat(store.read(stream, 0, 10)).hasSize(1);
        }
        assertThat(store.readAll(tenant, null, 100).envelopes()).extracting(e -> e.stream().aggregateId())
                .containsExactlyInAnyOrderElementsOf(AWKWARD);
    }

    @Test
    void awkward_checkpoint_keys_list_by_prefix_and_read_back_as_given() {
        String tenant = "t-" + UUID.randomUUID();
        CheckpointStore checkpoints = store.checkpoints();
        for (String key : AWKWARD) {
            checkpoints.write(tenant, "p/" + key, key, Checkpoint.ABSENT);
            checkpoints.write(tenant, key, key, Checkpoint.ABSENT);
        }

        assertThat(checkpoints.list(tenant, "p/").keySet())
                .containsExactlyInAnyOrderElementsOf(AWKWARD.stream().map(k -> "p/" + k).toList());
        assertThat(checkpoints.list(tenant, "a").keySet()).containsExactlyInAnyOrder("a/b", "a|b", "a", "a%7Cb", "a|");
        assertThat(checkpoints.list(tenant, "_").keySet()).containsExactlyInAnyOrder("__x__", "_");
        for (String key : AWKWARD) {
            assertThat(checkpoints.read(tenant, key)).contains(new Checkpoint(key, 0));
        }
    }

    private static Envelope envelope(StreamId stream) {
        return new Envelope(stream, 0, "Do", Actor.of(stream.tenant(), "user1"),
                List.of(Event.of("Happened", Payload.empty())), Instant.now());
    }
}
