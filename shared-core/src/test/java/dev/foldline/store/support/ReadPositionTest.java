package dev.foldline.store.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.errors.InvalidArgument;
import dev.foldline.model.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadPositionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    private static String key(Instant stamp, String id) {
        return SortableKeys.commitKey(stamp, new StreamId("t", "numbers", id), 0);
    }

    @Test
    void no_token_is_the_start() {
        assertThat(ReadPosition.decode(null)).isEqualTo(ReadPosition.START);
        assertThat(ReadPosition.decode("")).isEqualTo(ReadPosition.START);
        assertThat(ReadPosition.START.watermark()).isNull();
    }

    @Test
    void a_position_survives_its_token() {
        ReadPosition position = new ReadPosition(SortableKeys.time(T0),
                Set.of(key(T0, "a"), key(T0.plusSeconds(1), "b#c")));
        String token = position.encode();
        assertThat(token).startsWith("d1.").matches("[A-Za-z0-9_.-]+");
        assertThat(ReadPosition.decode(token)).isEqualTo(position);
        assertThat(ReadPosition.decode(ReadPosition.START.encode())).isEqualTo(ReadPosition.START);
    }

    @Test
    void a_token_of_another_kind_is_an_invalid_position() {
        String notDeflated = "d1." + java.util.Base64.getUrlEncoder().encodeToString("{}".getBytes());
        String keyWithoutStamp = tokenWithKeys("nostamp");
        String watermarkNotAStamp = new ReadPosition("yesterday", Set.of()).encode();
        for (String token : List.of("garbage", "42", "d1.%%%", notDeflated, keyWithoutStamp, watermarkNotAStamp)) {
            assertThatThrownBy(() -> ReadPosition.decode(token)).as(token)
                    .isInstanceOf(InvalidArgument.class)
                    .satisfies(e -> assertThat(((InvalidArgument) e).argument()).contains("position"));
        }
    }

    private static String tokenWithKeys(String key) {
        // A well-formed token whose delivered key has no stamp: only a forged token looks like this.
        return new ReadPosition(null, Set.of(key)).encode();
    }

    @Test
    void delivered_keys_are_remembered_until_the_watermark_passes_them() {
        String a = key(T0, "a");
        String b = key(T0.plusSeconds(10), "b");
        ReadPosition position = ReadPosition.START.after(List.of(a, b), false, T0.plusSeconds(5));
        assertThat(position.watermark()).isEqualTo(SortableKeys.time(T0.plusSeconds(5)));
        assertThat(position.wasDelivered(a)).isFalse();
        assertThat(position.wasDelivered(b)).isTrue();
        ReadPosition later = position.after(List.of(), false, T0.plusSeconds(11));
        assertThat(later.delivered()).isEmpty();
    }

    @Test
    void the_watermark_reads_as_an_instant_for_stores_that_query_by_time() {
        assertThat(ReadPosition.START.watermarkTime()).isEmpty();
        ReadPosition position = ReadPosition.START.after(List.of(), false, T0.plusNanos(5));
        assertThat(position.watermarkTime()).contains(T0.plusNanos(5));
    }

    @Test
    void with_more_to_read_the_watermark_stops_at_the_last_stamp_handed_out_if_that_is_older() {
        String a = key(T0, "a");
        String b = key(T0.plusSeconds(1), "b");
        ReadPosition behind = ReadPosition.START.after(List.of(a, b), true, T0.plusSeconds(60));
        assertThat(behind.watermark()).isEqualTo(SortableKeys.time(T0.plusSeconds(1)));
        assertThat(behind.delivered()).containsExactly(b);

        ReadPosition unsettled = ReadPosition.START.after(List.of(a, b), true, T0.minusSeconds(60));
        assertThat(unsettled.watermark()).isEqualTo(SortableKeys.time(T0.minusSeconds(60)));
        assertThat(unsettled.delivered()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void without_more_the_watermark_is_the_settled_stamp() {
        String a = key(T0, "a");
        ReadPosition position = ReadPosition.START.after(List.of(a), false, T0.plusSeconds(60));
        assertThat(position.watermark()).isEqualTo(SortableKeys.time(T0.plusSeconds(60)));
        assertThat(position.delivered()).isEmpty();
    }
}
