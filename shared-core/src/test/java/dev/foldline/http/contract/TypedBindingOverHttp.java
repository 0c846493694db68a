package dev.foldline.http.contract;

import static dev.foldline.http.contract.HttpAssertions.assertOk;
import static dev.foldline.http.contract.HttpAssertions.assertProblem;
import static dev.foldline.http.contract.HttpAssertions.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A typed command's body binds to its record or is refused: a 400 problem naming the member by its
 * path, with nothing written. {@link ContractApplication#SHIP_PARCEL} is strict and carries a
 * nested record, a list of records, an enum and a nullable string.
 */
public interface TypedBindingOverHttp extends HttpFixture {

    String PARCEL = "{\"to\":{\"street\":\"1 Quay\",\"city\":\"Cork\"},"
            + "\"items\":[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":2}],\"speed\":\"EXPRESS\"}";

    /** The parcel with one more top-level member, given as {@code "name":value}. */
    private static String plus(String member) {
        return PARCEL.substring(0, PARCEL.length() - 1) + "," + member + "}";
    }

    private static String withId(String id, String body) {
        return "{\"aggregateId\":\"" + id + "\"," + body.substring(1);
    }

    @Test
    default void a_body_that_binds_is_stored_as_the_event_records_json() {
        String id = newId();
        ContractResponse response = as(Caller.inFreshTenant()).command(ContractApplication.SHIP_PARCEL, withId(id,
                plus("\"note\":\"fragile\"")));

        assertOk(response);
        JsonObject payload = response.json().getAsJsonArray("events").get(0).getAsJsonObject().getAsJsonObject("payload");
        assertThat(payload.getAsJsonObject("to").get("city").getAsString()).isEqualTo("Cork");
        assertThat(payload.getAsJsonArray("items")).hasSize(2);
        assertThat(payload.get("speed").getAsString()).isEqualTo("EXPRESS");
        assertThat(payload.get("note").getAsString()).isEqualTo("fragile");
        assertThat(as(Caller.inFreshTenant()).command(ContractApplication.SHIP_PARCEL, withId(newId(), PARCEL)).status())
                .as("the note may be left out").isEqualTo(200);
    }

    @Test
    default void a_body_that_does_not_bind_is_a_400_problem_naming_the_member_and_writes_nothing() {
        Session session = as(Caller.inFreshTenant());
        Map<String, String> refused = Map.ofEntries(
                Map.entry("to", PARCEL.replace("\"to\":{\"street\":\"1 Quay\",\"city\":\"Cork\"},", "")),
                Map.entry("to.city", PARCEL.replace(",\"city\":\"Cork\"", "")),
                Map.entry("to.street", PARCEL.replace("\"1 Quay\"", "1")),
                Map.entry("items[1].quantity", PARCEL.replace("\"quantity\":2", "\"quantity\":\"2\"")),
                Map.entry("items[0].quantity", PARCEL.replace("\"quantity\":1", "\"quantity\":null")),
                Map.entry("items[1]", PARCEL.replace("{\"sku\":\"b\",\"quantity\":2}", "null")),
                Map.entry("items", PARCEL.replace("[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":2}]", "{}")),
                Map.entry("speed", PARCEL.replace("EXPRESS", "WARP")),
                Map.entry("note", plus("\"note\":7")),
                Map.entry("colour", PARCEL.replace("{\"to\"", "{\"colour\":\"red\",\"to\"")),
                Map.entry("to.postcode", PARCEL.replace("\"Cork\"}", "\"Cork\",\"postcode\":\"T12\"}")));
        refused.forEach((member, body) -> {
            String id = newId();
            assertProblem(session.command(ContractApplication.SHIP_PARCEL, withId(id, body)), 400, member);
            assertProblem(session.get("/aggregates/parcel/" + id), 404, "aggregateId");
        });
    }
}
