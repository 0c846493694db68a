package dev.foldline.http.contract;

import java.util.Optional;

/**
 * What an adapter's test class provides to the HTTP contract suite. Tests isolate themselves with
 * callers in fresh tenants and fresh aggregate ids, so one running adapter may serve the whole
 * test class, in any order.
 */
public interface HttpFixture {

    /** The adapter under test, running the example application and {@link ContractApplication}. */
    AdapterClient client();

    /** The request body limit the adapter under test was configured with. */
    int maxBodyBytes();

    /**
     * Brings every envelope committed so far to the event handlers before a test reads a
     * projection: a cloud adapter runs its change-feed function here on what the store's feed
     * delivered. Runtimes that project before they answer a command need nothing.
     */
    default void deliverProjections() {
    }

    /**
     * Whether the adapter's platform answers this request itself, before it reaches the function
     * (so not as a problem): a 4xx the platform owns, which the fuzz then checks only for its
     * status. None by default.
     */
    default boolean platformAnswersItself(ContractRequest request) {
        return false;
    }

    default Session as(Caller caller) {
        return new Session(client(), Optional.of(caller));
    }

    /** Requests that carry no identity at all. */
    default Session anonymous() {
        return new Session(client(), Optional.empty());
    }
}
