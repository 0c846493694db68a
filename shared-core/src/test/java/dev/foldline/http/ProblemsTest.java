package dev.foldline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.errors.Unavailable;
import dev.foldline.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void an_unavailable_store_is_a_503_problem_telling_when_to_retry_in_whole_seconds() {
        HttpResponse response = Problems.of(new Unavailable("Cosmos DB is throttling", Duration.ofMillis(1200)));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).isEqualTo(HttpResponse.PROBLEM_JSON);
        assertThat(response.headers()).containsEntry("Retry-After", "2");
        assertThat(Json.parseObject(response.body()).get("type").getAsString()).isEqualTo("urn:foldline:problem:unavailable");
    }

    @Test
    void a_retry_after_below_one_second_is_announced_as_one() {
        assertThat(new Unavailable("busy", Duration.ZERO).retryAfterHeader()).isEqualTo("1");
    }
}
