package dev.foldline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.aggregate.Nullable;
import dev.foldline.errors.FoldlineException;
import dev.foldline.errors.InvalidArgument;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    enum Speed { STANDARD, EXPRESS }

    record Line(String sku, int quantity) {
    }

    record Order(String customer, long reference, double weight, boolean gift, BigDecimal total, Speed speed,
                 List<Line> lines, List<String> tags, @Nullable String note, @Nullable Integer floor) {
    }

    private static final RecordCodec<Order> ORDERS = RecordCodec.of(Order.class);
    private static final String ORDER = "{\"customer\":\"ann\",\"reference\":9000000000,\"weight\":1.5,\"gift\":true,"
            + "\"total\":12.30,\"speed\":\"EXPRESS\",\"lines\":[{\"sku\":\"a\",\"quantity\":2}],\"tags\":[\"x\",\"y\"]}";

    @Test
    void a_body_binds_to_the_record_with_nested_records_lists_enums_and_absent_nullables() {
        Order order = ORDERS.decode(Payload.parse(ORDER), true);

        assertThat(order).isEqualTo(new Order("ann", 9_000_000_000L, 1.5, true, new BigDecimal("12.30"), Speed.EXPRESS,
                List.of(new Line("a", 2)), List.of("x", "y"), null, null));
    }

    @Test
    void a_record_is_written_as_the_json_gson_writes_for_it_leaving_nulls_out() {
        Order order = ORDERS.decode(Payload.parse(ORDER), false);

        assertThat(ORDERS.encode(order).toJson()).isEqualTo(Payload.from(order).toJson()).isEqualTo(ORDER);
        assertThat(ORDERS.encode(order)).isEqualTo(Payload.parse(ORDER));
    }

    @Test
    void every_binding_error_is_an_invalid_argument_naming_the_member_by_its_path() {
        Map<String, String> expectations = Map.ofEntries(
                Map.entry("customer", without("customer")),
                Map.entry("customer ", ORDER.replace("\"ann\"", "null")),
                Map.entry("reference", ORDER.replace("9000000000", "\"9\"")),
                Map.entry("reference ", ORDER.replace("9000000000", "1.5")),
                Map.entry("weight", ORDER.replace("1.5", "[]")),
                Map.entry("gift", ORDER.replace("true", "1")),
                Map.entry("speed", ORDER.replace("EXPRESS", "WARP")),
                Map.entry("lines[0].quantity", ORDER.replace("\"quantity\":2", "\"quantity\":null")),
                Map.entry("lines[0].quantity ", ORDER.replace("\"quantity\":2", "\"quantity\":3000000000")),
                Map.entry("lines[1]", ORDER.replace("}],", "},null],")),
                Map.entry("lines[1].sku", ORDER.replace("}],", "},{\"quantity\":1}],")),
                Map.entry("lines", ORDER.replace("[{\"sku\":\"a\",\"quantity\":2}]", "{}")),
                Map.entry("tags[1]", ORDER.replace("\"y\"", "7")),
                Map.entry("floor", ORDER.substring(0, ORDER.length() - 1) + ",\"floor\":\"3\"}"));
        expectations.forEach((argument, body) ->
                assertThatThrownBy(() -> ORDERS.decode(Payload.parse(body), false)).as(body)
                        .isInstanceOf(InvalidArgument.class)
                        .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains(argument.trim()))
                        .satisfies(e -> assertThat(e.getMessage()).startsWith(argument.trim() + " ")));
    }

    @Test
    void a_strict_binding_refuses_members_the_record_does_not_declare_at_any_depth() {
        String extra = ORDER.replace("{\"customer\"", "{\"colour\":\"red\",\"customer\"");
        String nestedExtra = ORDER.replace("\"quantity\":2", "\"quantity\":2,\"size\":\"L\"");

        assertThatThrownBy(() -> ORDERS.decode(Payload.parse(extra), true))
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("colour"));
        assertThatThrownBy(() -> ORDERS.decode(Payload.parse(nestedExtra), true))
                .satisfies(e -> assertThat(((FoldlineException) e).argument()).contains("lines[0].size"));
        assertThat(ORDERS.decode(Payload.parse(extra), false)).isEqualTo(ORDERS.decode(Payload.parse(ORDER), false));
    }

    @Test
    void a_validating_compact_constructor_reaches_the_caller_as_thrown() {
        assertThatThrownBy(() -> RecordCodec.of(Positive.class).decode(Payload.parse("{\"value\":-1}"), false))
                .isInstanceOf(InvalidArgument.class).hasMessage("value must be positive");
    }

    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new InvalidArgument("value", "value must be positive");
            }
        }
    }

    record WithMap(Map<String, String> labels) {
    }

    record WithFloat(float ratio) {
    }

    record Node(String name, List<Node> children) {
    }

    @Test
    void a_component_type_outside_the_supported_set_fails_at_registration_naming_it() {
        assertThatThrownBy(() -> RecordCodec.of(WithMap.class)).hasMessageContaining("WithMap.labels");
        assertThatThrownBy(() -> RecordCodec.of(WithFloat.class)).hasMessageContaining("WithFloat.ratio");
        assertThatThrownBy(() -> RecordCodec.of(Node.class)).hasMessageContaining("recursive");
    }

    @Test
    void a_double_stored_as_a_bare_nan_before_they_were_refused_still_reads() {
        record Reading(double value) {
        }
        Payload stored = Payload.stored(Json.parseTree("{\"value\":NaN}").getAsJsonObject());

        assertThat(RecordCodec.of(Reading.class).decode(stored, false).value()).isNaN();
        assertThatThrownBy(() -> RecordCodec.of(Reading.class).decode(Payload.parse("{\"value\":\"NaN\"}"), false))
                .isInstanceOf(InvalidArgument.class);
    }

    private static String without(String member) {
        return ORDER.replace("\"" + member + "\":\"ann\",", "");
    }
}
