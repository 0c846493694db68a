package dev.foldline.http.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.foldline.store.contract.OriginalScenariosContract;
import java.util.UUID;

/** Checks and request bodies the HTTP contract tests share. */
public final class HttpAssertions {

    private HttpAssertions() {
    }

    public static String newId() {
        return "agg-" + UUID.randomUUID();
    }

    /** An AddNumbers (or SubtractNumbers) body; a null id or expected version is left out. */
    public static String numbers(String id, Long expectedVersion, int a, int b) {
        return OriginalScenariosContract.numbers(id, expectedVersion, a, b).toString();
    }

    public static String numbers(String id, int a, int b) {
        return numbers(id, null, a, b);
    }

    public static void assertOk(ContractResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).as(response.toString()).isEqualTo("application/json");
    }

    /** An RFC 9457 problem with this status, naming {@code argument} (null: any or none), revealing no stack trace. */
    public static void assertProblem(ContractResponse response, int status, String argument) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).isEqualTo("application/problem+json");
        JsonObject problem = response.json();
        assertThat(problem.get("status").getAsInt()).isEqualTo(status);
        assertThat(problem.get("type").getAsString()).startsWith("urn:foldline:problem:");
        assertThat(problem.get("title").getAsString()).isNotBlank();
        assertThat(problem.get("detail").getAsString()).isNotBlank();
        if (argument != null) {
            assertThat(problem.has("argument")).as(response.toString()).isTrue();
            assertThat(problem.get("argument").getAsString()).isEqualTo(argument);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
