package dev.foldline.store.memory;

import dev.foldline.store.EventStore;
import dev.foldline.store.MemoryEventStore;
import dev.foldline.store.contract.EventStoreContract;

class MemoryEventStoreTest implements EventStoreContract {

    private final EventStore store = new MemoryEventStore();

    @Override
    public EventStore store() {
        return store;
    }
}
