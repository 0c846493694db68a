package dev.foldline.http.contract;

import com.google.gson.JsonObject;
import dev.foldline.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The adapter's answer as the suite checks it; header names are matched in any case. */
public record ContractResponse(int status, Map<String, String> headers, String body) {

    public ContractResponse {
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(caseless);
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public JsonObject json() {
        return Json.parseObject(body);
    }

    public long version() {
        return json().get("version").getAsLong();
    }

    public String aggregateId() {
        return json().get("aggregateId").getAsString();
    }

    public JsonObject state() {
        return json().getAsJsonObject("state");
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + body;
    }
}
