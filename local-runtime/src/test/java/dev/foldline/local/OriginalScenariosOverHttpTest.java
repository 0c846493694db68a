package dev.foldline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The original package's calculator scenarios, driven through HTTP. */
class OriginalScenariosOverHttpTest {

    @RegisterExtension
    static final RunningRuntime server = RunningRuntime.withDefaults();

    private static ApiClient.Reply add(String id, int a, int b, Long expectedVersion) {
        JsonObject body = new JsonObject();
        if (id != null) {
            body.addProperty("aggregateId", id);
        }
        if (expectedVersion != null) {
            body.addProperty("expectedVersion", expectedVersion);
        }
        body.addProperty("number1", a);
        body.addProperty("number2", b);
        ApiClient.Reply reply = server.api().command("AddNumbers", body.toString());
        return reply;
    }

    @Test
    void three_additions_on_one_id_reach_version_2_and_sum_12_and_the_counter_counts_3() {
        String id = "calc-" + UUID.randomUUID();
        add(id, 1, 2, null);
        add(id, 3, 4, null);
        ApiClient.Reply last = add(id, 1, 1, null);

        assertThat(last.version()).isEqualTo(2);
        assertThat(last.state().get("sum").getAsLong()).isEqualTo(12);
        assertThat(server.api().get("/projections/counter").json().getAsJsonObject("events").get(id).getAsInt()).isEqualTo(3);
    }

    @Test
    void a_command_without_an_id_creates_one_that_a_second_command_continues_at_its_version() {
        ApiClient.Reply first = add(null, 1, 2, null);
        String id = first.aggregateId();

        ApiClient.Reply second = add(id, 3, 4, first.version());

        assertThat(id).hasSizeGreaterThanOrEqualTo(10);
        assertThat(second.version()).isEqualTo(1);
        assertThat(second.state().get("sum").getAsLong()).isEqualTo(10);
    }

    @Test
    void a_third_command_at_a_stale_version_is_a_409() {
        String id = "calc-" + UUID.randomUUID();
        add(id, 1, 2, null);
        add(id, 1, 2, null);

        assertThat(add(id, 1, 2, 0L).status()).isEqualTo(409);
    }

    @Test
    void thirteen_commands_passing_the_expected_version_reach_version_12_and_sum_13() {
        String id = "calc-" + UUID.randomUUID();
        long version = -1;
        ApiClient.Reply reply = null;
        for (int i = 0; i < 13; i++) {
            reply = add(id, 0, 1, version);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            version = reply.version();
        }

        assertThat(reply.version()).isEqualTo(12);
        assertThat(reply.state().get("sum").getAsLong()).isEqualTo(13);
    }

    /** Presses the keys on a new calculator, passing the expected version each time; returns the result. */
    private static double press(String keys) {
        String id = "keys-" + UUID.randomUUID();
        long version = -1;
        ApiClient.Reply reply = null;
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
            reply = server.api().command(command, body.toString());
            assertThat(reply.status()).as(key + " -> " + reply).isEqualTo(200);
            version = reply.version();
        }
        return reply.state().get("result").getAsDouble();
    }

    @Test
    void the_key_press_calculator_computes_1_plus_2_minus_3_times_5_as_0() {
        assertThat(press("1 + 2 - 3 * 5 =")).isEqualTo(0.0);
    }

    @Test
    void the_key_press_calculator_computes_a_longer_sequence_as_63() {
        assertThat(press("4 * 4 + 2 1 - 1 6 * 3 =")).isEqualTo(63.0);
    }

    @Test
    void equals_repeats_the_last_operation() {
        assertThat(press("4 * 4 + 2 1 - 1 6 * 3 = = =")).isEqualTo(567.0);
    }

    @Test
    void decimals_are_typed_with_the_dot_key() {
        assertThat(Math.round(press("1 . 5 + 2 . 0 - 1 1 . 2 2 + . 3 3 =") * 100) / 100.0).isEqualTo(-7.39);
    }

    @Test
    void division_gives_the_exact_double() {
        assertThat(press("5 . 2 3 / . 3 3 * 2 =")).isEqualTo(31.6969696969697);
    }

    @Test
    void computing_without_a_right_operand_is_a_422() {
        String id = "keys-" + UUID.randomUUID();
        server.api().command("PressDigit", "{\"aggregateId\":\"" + id + "\",\"digit\":\"1\"}");
        server.api().command("PressOperator", "{\"aggregateId\":\"" + id + "\",\"operator\":\"+\"}");

        assertThat(server.api().command("PressEquals", "{\"aggregateId\":\"" + id + "\"}").status()).isEqualTo(422);
    }
}
