package dev.foldline.azure.cosmos;

import dev.foldline.azure.CosmosImitation;
import dev.foldline.store.EventStore;
import dev.foldline.store.contract.EventStoreContract;
import dev.foldline.trace.Tracer;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole store contract against the Cosmos imitation. */
@ExtendWith(CosmosImitation.class)
class CosmosEventStoreTest implements EventStoreContract {

    private static EventStore store;

    @BeforeAll
    static void createContainers() {
        CosmosStoreOptions options = CosmosStoreOptions.defaults("foldline-" + UUID.randomUUID());
        CosmosContainers.createIfMissing(CosmosImitation.client(), options);
        store = new CosmosEventStore(CosmosImitation.client(), options, Tracer.NOOP);
    }

    @Override
    public EventStore store() {
        return store;
    }
}
