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

    /**
     * Whether the store tells a write sent again by the attempt that committed it from a conflict,
     * with no read of its own: DynamoDB hands back the item in the way with the failed condition,
     * the in-process stores see it. Cosmos DB and Firestore answer only "it exists", so their
     * stores report such a resend as a conflict (false here), and the command handler recognises
     * its own attempt in the catch-up read it makes on every conflict anyway.
     */
    default boolean recognisesItsOwnResend() {
        return true;
    }

    default String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
