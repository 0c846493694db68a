package dev.foldline.app;

import dev.foldline.store.EventStore;

/**
 * An {@link dev.foldline.app.Application} whose handlers or views keep durable state in the store
 * (in Lambda, memory lives only as long as one container). The functions hand it the store once,
 * right after discovering it and before the first request.
 */
public interface StoreAware {

    void useStore(EventStore store);
}
