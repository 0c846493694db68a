package dev.foldline.local.sqlite;

import dev.foldline.store.EventStore;
import dev.foldline.store.contract.EventStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store against the whole store contract, on a real file. */
class SqliteEventStoreTest implements EventStoreContract {

    @TempDir
    Path dataDir;

    private SqliteEventStore store;

    /** Synchronized: concurrent contract tests may ask for the store first from several threads. */
    @Override
    public synchronized EventStore store() {
        if (store == null) {
            store = SqliteEventStore.openIn(dataDir);
        }
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
