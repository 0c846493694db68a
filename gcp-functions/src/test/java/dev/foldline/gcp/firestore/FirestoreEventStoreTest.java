package dev.foldline.gcp.firestore;

import dev.foldline.gcp.FirestoreEmulator;
import dev.foldline.store.EventStore;
import dev.foldline.store.contract.EventStoreContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole store contract against the official Cloud Firestore emulator. */
@ExtendWith(FirestoreEmulator.class)
class FirestoreEventStoreTest implements EventStoreContract {

    private static EventStore store;

    @BeforeAll
    static void createStore() {
        store = new FirestoreEventStore(FirestoreEmulator.sharedClient(), FirestoreStoreOptions.defaults());
    }

    @Override
    public EventStore store() {
        return store;
    }
}
