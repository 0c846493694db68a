package dev.foldline.store.contract;

import dev.foldline.store.EventStore;
import java.util.UUID;

/**
 * What a store's test class provides to the contract suite. Tests isolate themselves with fresh
 * tenants, so one store instance may serve the whole test class.
 */
public interface StoreFixture {

    /**
     * The store under test; the same instance on every call within a test. Concurrency tests call
     * it from several threads at once, so create it eagerly or make a lazy creation synchronized.
     */
    EventStore store();


    default String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
