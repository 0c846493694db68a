package dev.foldline.aws.dynamodb;

import dev.foldline.aws.LocalDynamoDb;
import dev.foldline.store.EventStore;
import dev.foldline.store.contract.ReadAllContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reading all of a tenant's envelopes when the tenant index is spread over several shards. */
@ExtendWith(LocalDynamoDb.class)
class ShardedDynamoDbEventStoreTest implements ReadAllContract {

    private static EventStore store;

    @BeforeAll
    static void createTable() {
        var client = LocalDynamoDb.client();
        store = new DynamoDbEventStore(client,
                DynamoDbStoreOptions.defaults(LocalDynamoDb.newTable(client)).withTenantShards(4));
    }

    @Override
    public EventStore store() {
        return store;
    }
}
