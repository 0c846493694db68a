package dev.foldline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.errors.Unavailable;
import dev.foldline.json.Json;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void an_unavailable_store_is_a_503_problem_that_says_when_to_retry() {
        HttpResponse response = Problems.of(new Unavailable("Firestore stayed contended", 2));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsEntry("Retry-After", "2")
                .containsEntry("Content-Type", HttpResponse.PROBLEM_JSON);
        assertThat(Json.parseObject(response.body()).get("type").getAsString())
                .isEqualTo(Problems.TYPE_PREFIX + "unavailable");
    }
}
