package dev.foldline.http.contract;

import static dev.foldline.http.contract.HttpAssertions.assertOk;
import static dev.foldline.http.contract.HttpAssertions.assertProblem;
import static dev.foldline.http.contract.HttpAssertions.newId;
import static dev.foldline.http.contract.HttpAssertions.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /aggregates/{type}/{id}?version=n}: the state as of a version. */
public interface VersionedReadsOverHttp extends HttpFixture {

    @Test
    default void an_aggregate_reads_back_as_of_each_of_its_versions() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));
        session.command("AddNumbers", numbers(id, 3, 4));
        session.command("SubtractNumbers", numbers(id, 1, 1));

        List<Long> sums = List.of(3L, 10L, 8L);
        for (int version = 0; version < sums.size(); version++) {
            ContractResponse response = session.get("/aggregates/numbers/" + id + "?version=" + version);

            assertOk(response);
            assertThat(response.aggregateId()).isEqualTo(id);
            assertThat(response.version()).isEqualTo(version);
            assertThat(response.header("ETag")).contains("\"" + version + "\"");
            assertThat(response.state().get("sum").getAsLong()).isEqualTo(sums.get(version));
        }
    }

    @Test
    default void a_version_beyond_the_latest_is_a_404_problem_naming_version() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));
        session.command("AddNumbers", numbers(id, 1, 2));

        assertProblem(session.get("/aggregates/numbers/" + id + "?version=2"), 404, "version");
        assertProblem(session.get("/aggregates/numbers/" + id + "?version=9223372036854775807"), 404, "version");
        assertProblem(session.get("/aggregates/numbers/" + newId() + "?version=0"), 404, "version");
    }

    @Test
    default void another_tenants_aggregate_has_no_version_for_the_caller() {
        String id = newId();
        assertOk(as(Caller.inFreshTenant()).command("AddNumbers", numbers(id, 1, 2)));

        assertProblem(as(Caller.inFreshTenant()).get("/aggregates/numbers/" + id + "?version=0"), 404, "version");
    }

    @Test
    default void a_version_that_is_not_one_non_negative_integer_is_a_400_problem_naming_version() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));
        String aggregate = "/aggregates/numbers/" + id;

        for (String query : List.of("version=-1", "version=", "version", "version=abc", "version=1.5",
                "version=0x1", "version=%201", "version=0&version=0", "version=99999999999999999999")) {
            assertProblem(session.get(aggregate + "?" + query), 400, "version");
        }
        assertOk(session.get(aggregate + "?version=0"));
        assertOk(session.get(aggregate + "?unrelated=1"));
    }
}
