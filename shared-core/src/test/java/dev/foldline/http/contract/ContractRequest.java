package dev.foldline.http.contract;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request of the contract suite, before the adapter turns it into its platform's form.
 *
 * @param target  the raw (percent-encoded) path, optionally followed by {@code ?} and the raw query
 * @param headers header names as the suite writes them; the identity is not among them
 * @param body    the body bytes, empty for none
 * @param caller  who sends it, or empty for a request that carries no identity at all
 */
public record ContractRequest(String method, String target, Map<String, String> headers, byte[] body,
                              Optional<Caller> caller) {

    public ContractRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(caller, "caller");
    }

    /** The raw path: the target up to the query. */
    public String path() {
        int question = target.indexOf('?');
        return question < 0 ? target : target.substring(0, question);
    }

    /** The raw query without the {@code ?}, empty for none. */
    public String query() {
        int question = target.indexOf('?');
        return question < 0 ? "" : target.substring(question + 1);
    }
}
