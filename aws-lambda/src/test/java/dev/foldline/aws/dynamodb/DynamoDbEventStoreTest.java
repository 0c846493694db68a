package dev.foldline.aws.dynamodb;

import dev.foldline.aws.LocalDynamoDb;
import dev.foldline.store.EventStore;
import dev.foldline.store.contract.EventStoreContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole store contract against the real DynamoDB engine. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbEventStoreTest implements EventStoreContract {

    private static EventStore store;

    @BeforeAll
    static void createTable() {
        var client = LocalDynamoDb.client();
        store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(LocalDynamoDb.newTable(client)));
    }

    @Override
    public EventStore store() {
        return store;
    }
}
