package dev.foldline.app;

import dev.foldline.store.EventStore;

/**
 * An {@link dev.foldline.app.Application} whose handlers or views keep durable state in the store
 * (in Lambda, memory lives only as long as one container). {@link Assembly} hands it the store
 * once, before the first request; its handlers' projection progress is then kept in the store too
 * ({@link Applications#storedHandlers()}).
 */
public interface StoreAware {

    void useStore(EventStore store);
}
