package dev.foldline.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.foldline.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller App Service authentication (Easy Auth) verified: it sends the principal in the
 * {@value #HEADER} header, base64 JSON with a {@code claims} list of {@code {typ, val}}, and strips
 * that header from anything a client sends. Every entry is one value: a claim that occurs more
 * than once becomes a list, and the roles claim is always a list, so that a lone role with a space
 * in it ("Finance manager") stays one role. A missing or malformed header yields no claims, which
 * the core answers with 401.
 */
public final class ClientPrincipal {

    public static final String HEADER = "X-MS-CLIENT-PRINCIPAL";

    private ClientPrincipal() {
    }

    /** The header App Service would send for a caller with these claims, one value each. */
    public static String header(Map<String, String> claims) {
        JsonArray list = new JsonArray();
        claims.forEach((type, value) -> {
            JsonObject claim = new JsonObject();
            claim.addProperty("typ", type);
            claim.addProperty("val", value);
            list.add(claim);
        });
        JsonObject principal = new JsonObject();
        principal.add("claims", list);
        return Base64.getEncoder().encodeToString(Json.write(principal).getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, Object> claims(String header, String rolesClaim) {
        if (header == null || header.isBlank()) {
            return Map.of();
        }
        try {
            JsonObject principal = Json.parseObject(new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8));
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (JsonElement claim : principal.getAsJsonArray("claims")) {
                JsonObject pair = claim.getAsJsonObject();
                values.computeIfAbsent(pair.get("typ").getAsString(), t -> new ArrayList<>()).add(pair.get("val").getAsString());
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            values.forEach((type, list) -> claims.put(type,
                    list.size() == 1 && !type.equals(rolesClaim) ? list.get(0) : List.copyOf(list)));
            return claims;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
