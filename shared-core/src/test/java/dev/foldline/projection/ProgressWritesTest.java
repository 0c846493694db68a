package dev.foldline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import dev.foldline.store.MemoryEventStore;
import dev.foldline.trace.Tracer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a delivery costs in checkpoint writes: one per stream and handler, whatever its size. */
class ProgressWritesTest {


    private static List<Envelope> stream(String id, int count) {
        StreamId stream = new StreamId("t1", "numbers", id);
        List<Envelope> envelopes = new ArrayList<>();
        for (int version = 0; version < count; version++) {
            envelopes.add(new Envelope(stream, version, "Do", Actor.of("t1", "u1"),
                    List.of(Event.of("Happened", Payload.empty())), Instant.EPOCH));
        }
        return envelopes;
    }

    @Test
    void a_delivery_writes_progress_once_per_stream_and_handler_and_a_redelivery_applies_nothing_again() {
        CountingCheckpoints progress = new CountingCheckpoints(false);
        List<Envelope> applied = new ArrayList<>();
        EventHandler handler = EventHandler.of("seen", Map.of("Happened", (envelope, event) -> applied.add(envelope)));
        Projector projector = new Projector(new MemoryEventStore(), progress, 3, Tracer.NOOP);
        List<Envelope> batch = new ArrayList<>(stream("a", 100));
        batch.addAll(stream("b", 50));

        projector.project("scope", batch, List.of(handler));
        int writes = progress.writes.get();
        projector.project("scope", batch, List.of(handler));

        assertThat(writes).isEqualTo(2);
        assertThat(applied).hasSize(150);
        assertThat(progress.writes.get()).isEqualTo(2);
    }
}
