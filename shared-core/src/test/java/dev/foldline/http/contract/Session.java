package dev.foldline.http.contract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Requests as one caller (or as nobody), through the adapter's client. */
public final class Session {

    private final AdapterClient client;
    private final Optional<Caller> caller;

    Session(AdapterClient client, Optional<Caller> caller) {
        this.client = client;
        this.caller = caller;
    }

    /** {@code POST /commands/{command}} with a JSON body; {@code headers} are name, value pairs. */
    public ContractResponse command(String command, String json, String... headers) {
        return send("POST", "/commands/" + command, json.getBytes(StandardCharsets.UTF_8),
                jsonTyped(headers));
    }

    public ContractResponse get(String target) {
        return send("GET", target, new byte[0]);
    }

    public ContractResponse send(String method, String target, byte[] body, String... headers) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            named.put(headers[i], headers[i + 1]);
        }
        return client.send(new ContractRequest(method, target, named, body, caller));
    }

    /** Content-Type: application/json first, so that a test's own Content-Type replaces it. */
    private static String[] jsonTyped(String[] headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }
}
