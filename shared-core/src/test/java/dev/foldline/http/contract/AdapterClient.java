package dev.foldline.http.contract;

/**
 * How the contract suite reaches the adapter under test: the local runtime over real HTTP, a cloud
 * function through its platform's request and response types. The adapter presents
 * {@link ContractRequest#caller()} in its platform's way and no identity at all when it is empty.
 * Some tests send from several threads at once (racing retries), so {@link #send} must be safe to
 * call concurrently.
 */
@FunctionalInterface
public interface AdapterClient {

    ContractResponse send(ContractRequest request);
}
