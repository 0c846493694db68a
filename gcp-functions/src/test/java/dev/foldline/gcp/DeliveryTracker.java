package dev.foldline.gcp;

import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.store.Page;
import dev.foldline.store.StreamSlice;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store as the functions use it, noting each envelope committed through it, and the
 * trigger's successful deliveries: so a test can wait until the emulator has delivered every
 * envelope committed so far, without guessing how long that takes.
 */
final class DeliveryTracker implements EventStore {

    private final EventStore store;
    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();

    DeliveryTracker(EventStore store) {
        this.store = store;
    }

    @Override
    public StreamSlice load(StreamId stream, long knownVersion) {
        return store.load(stream, knownVersion);
    }

    @Override
    public AppendResult append(Envelope envelope, Snapshot snapshot) {
        AppendResult result = store.append(envelope, snapshot);
        if (result == AppendResult.COMMITTED) {
            committed.add(key(envelope));
        }
        return result;
    }

    @Override
    public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
        return store.read(stream, fromVersion, toVersion);
    }

    @Override
    public Page readAll(String tenant, String afterPosition, int limit) {
        return store.readAll(tenant, afterPosition, limit);
    }

    @Override
    public List<String> tenants() {
        return store.tenants();
    }

    @Override
    public CheckpointStore checkpoints() {
        return store.checkpoints();
    }

    /** Called after the trigger function handled an event without failing. */
    void delivered(CloudEvent event) {
        try {
            FirestoreTriggerFunction.envelopeOf(FirestoreTriggerFunction.decode(event.getData().toBytes()))
                    .ifPresent(envelope -> delivered.add(key(envelope)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until every envelope committed before the call was delivered; the deadline bounds a failure only. */
    void awaitAllDelivered(Duration deadline) {
        Set<String> expected = Set.copyOf(committed);
        Instant end = Instant.now().plus(deadline);
        while (!delivered.containsAll(expected)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the emulator did not deliver " + expected.stream()
                        .filter(k -> !delivered.contains(k)).toList() + " within " + deadline);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String key(Envelope envelope) {
        return envelope.stream() + "@" + envelope.version();
    }
}
