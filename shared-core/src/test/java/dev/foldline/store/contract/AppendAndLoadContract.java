package dev.foldline.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import dev.foldline.json.Payload;
import dev.foldline.store.AppendResult;
import dev.foldline.store.StreamSlice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Appending envelopes and loading them back. */
public interface AppendAndLoadContract extends StoreFixture {

    @Test
    default void an_appended_envelope_loads_back_unchanged() {
        String tenant = freshTenant();
        StreamId stream = new StreamId(tenant, "numbers", "a1");
        Envelope envelope = new Envelope(stream, 0, "AddNumbers", Actor.of(tenant, "user1", "manager"),
                List.of(Event.of("NumbersAdded", Payload.empty().with("number1", 1))),
                Instant.parse("2026-01-01T00:00:00Z"), "key-1");

        assertThat(store().append(envelope, null)).isEqualTo(AppendResult.COMMITTED);

        StreamSlice slice = store().load(stream, -1);
        assertThat(slice.snapshot()).isEmpty();
        assertThat(slice.envelopes()).containsExactly(envelope);
    }
}
