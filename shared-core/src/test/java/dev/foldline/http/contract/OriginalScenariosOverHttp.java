package dev.foldline.http.contract;

import static dev.foldline.http.contract.HttpAssertions.assertOk;
import static dev.foldline.http.contract.HttpAssertions.assertProblem;
import static dev.foldline.http.contract.HttpAssertions.newId;
import static dev.foldline.http.contract.HttpAssertions.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of the original @rotorsoft/event-store's specs (the numbers calculator and the
 * key-press calculator of its README), driven through the HTTP contract.
 */
public interface OriginalScenariosOverHttp extends HttpFixture {

    @Test
    default void three_additions_on_one_id_reach_version_2_and_sum_12_and_the_counter_counts_3() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));
        session.command("AddNumbers", numbers(id, 3, 4));
        ContractResponse last = session.command("AddNumbers", numbers(id, 1, 1));
        deliverProjections();

        assertOk(last);
        assertThat(last.version()).isEqualTo(2);
        assertThat(last.state().get("sum").getAsLong()).isEqualTo(12);
        assertThat(session.get("/projections/counter").json().getAsJsonObject("events").get(id).getAsInt()).isEqualTo(3);
    }

    @Test
    default void a_generated_id_is_continued_by_a_second_command_at_its_version() {
        Session session = as(Caller.inFreshTenant());
        ContractResponse first = session.command("AddNumbers", numbers(null, 1, 2));

        ContractResponse second = session.command("AddNumbers", numbers(first.aggregateId(), first.version(), 3, 4));

        assertOk(second);
        assertThat(first.aggregateId()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(second.aggregateId()).isEqualTo(first.aggregateId());
        assertThat(second.version()).isEqualTo(1);
        assertThat(second.state().get("sum").getAsLong()).isEqualTo(10);
    }

    @Test
    default void a_third_command_at_a_stale_version_is_a_409() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("AddNumbers", numbers(id, 1, 2));
        session.command("AddNumbers", numbers(id, 1, 2));

        assertProblem(session.command("AddNumbers", numbers(id, 0L, 1, 2)), 409, null);
    }

    @Test
    default void thirteen_commands_passing_the_expected_version_reach_version_12_and_sum_13() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        long version = -1;
        ContractResponse response = null;
        for (int i = 0; i < 13; i++) {
            response = session.command("AddNumbers", numbers(id, version, 0, 1));
            assertOk(response);
            version = response.version();
        }

        assertThat(response.version()).isEqualTo(12);
        assertThat(response.state().get("sum").getAsLong()).isEqualTo(13);
    }

    @Test
    default void the_key_press_calculator_computes_1_plus_2_minus_3_times_5_as_0() {
        assertThat(press("1 + 2 - 3 * 5 =")).isEqualTo(0.0);
    }

    @Test
    default void the_key_press_calculator_computes_a_longer_sequence_as_63() {
        assertThat(press("4 * 4 + 2 1 - 1 6 * 3 =")).isEqualTo(63.0);
    }

    @Test
    default void equals_repeats_the_last_operation() {
        assertThat(press("4 * 4 + 2 1 - 1 6 * 3 = = =")).isEqualTo(567.0);
    }

    @Test
    default void decimals_are_typed_with_the_dot_key() {
        assertThat(BigDecimal.valueOf(press("1 . 5 + 2 . 0 - 1 1 . 2 2 + . 3 3 =")).setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("-7.39");
    }

    @Test
    default void division_gives_the_exact_double() {
        assertThat(press("5 . 2 3 / . 3 3 * 2 =")).isEqualTo(31.6969696969697);
    }

    @Test
    default void computing_without_a_right_operand_is_a_422() {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        session.command("PressDigit", "{\"aggregateId\":\"" + id + "\",\"digit\":\"1\"}");
        session.command("PressOperator", "{\"aggregateId\":\"" + id + "\",\"operator\":\"+\"}");

        assertProblem(session.command("PressEquals", "{\"aggregateId\":\"" + id + "\"}"), 422, null);
    }

    /** Presses the keys on a new calculator, passing the expected version each time; returns the result. */
    private double press(String keys) {
        Session session = as(Caller.inFreshTenant());
        String id = newId();
        long version = -1;
        ContractResponse response = null;
        for (String key : keys.split(" ")) {
            JsonObject body = new JsonObject();
            body.addProperty("aggregateId", id);
            body.addProperty("expectedVersion", version);
            String command;
            if (key.matches("[0-9]")) {
                command = "PressDigit";
                body.addProperty("digit", key);
            } else if (key.equals(".")) {
                command = "PressDot";
            } else if (key.equals("=")) {
                command = "PressEquals";
            } else {
                command = "PressOperator";
                body.addProperty("operator", key);
            }
            response = session.command(command, body.toString());
            assertThat(response.status()).as(key + " -> " + response).isEqualTo(200);
            version = response.version();
        }
        return response.state().get("result").getAsDouble();
    }
}
