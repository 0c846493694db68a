package dev.foldline.store.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.model.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SortableKeysTest {

    @Test
    void versions_sort_as_text_in_numeric_order() {
        List<Long> versions = List.of(0L, 9L, 10L, 99L, 100L, 12_345L, Long.MAX_VALUE);
        List<String> keys = versions.stream().map(SortableKeys::version).toList();
        assertThat(keys).isSorted().allSatisfy(k -> assertThat(k).hasSize(19));
    }

    @Test
    void keys_are_ascii_digits_whatever_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            for (String tag : List.of("th-TH-u-nu-thai", "ar-EG", "hi-IN-u-nu-deva")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                assertThat(SortableKeys.version(42)).isEqualTo("0000000000000000042");
                assertThat(SortableKeys.time(Instant.parse("2026-01-01T00:00:00.5Z"))).isEqualTo("001767225600.500000000");
                assertThat(SortableKeys.parseTime(SortableKeys.time(Instant.parse("2026-01-01T00:00:00.5Z"))))
                        .isEqualTo(Instant.parse("2026-01-01T00:00:00.5Z"));
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void a_negative_version_has_no_key() {
        assertThatThrownBy(() -> SortableKeys.version(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void times_sort_as_text_in_time_order_down_to_the_nanosecond() {
        List<Instant> instants = List.of(Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00.000000001Z"), Instant.parse("2026-01-01T00:00:00.1Z"),
                Instant.parse("2026-01-01T00:00:09Z"), Instant.parse("2026-01-01T00:00:10Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"));
        List<String> stamps = instants.stream().map(SortableKeys::time).toList();
        assertThat(stamps).isSorted().doesNotHaveDuplicates();
        assertThat(SortableKeys.time(Instant.parse("2026-01-01T00:00:00.5Z"))).isEqualTo("001767225600.500000000");
    }

    @Test
    void instants_before_the_epoch_are_clamped_to_it() {
        assertThat(SortableKeys.time(Instant.parse("1969-12-31T23:59:59Z")))
                .isEqualTo(SortableKeys.time(Instant.EPOCH));
    }

    @Test
    void escaping_keeps_separators_out_of_components_so_ids_cannot_forge_keys() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        String one = SortableKeys.commitKey(now, new StreamId("t", "a#b", "c"), 0);
        String other = SortableKeys.commitKey(now, new StreamId("t", "a", "b#c"), 0);
        String third = SortableKeys.commitKey(now, new StreamId("t", "a%23b", "c"), 0);
        assertThat(List.of(one, other, third)).doesNotHaveDuplicates();
        assertThat(SortableKeys.escape("50%#x")).isEqualTo("50%25%23x").doesNotContain("#");
    }

    @Test
    void commit_keys_sort_by_stamp_first_and_carry_it() {
        Instant early = Instant.parse("2026-06-01T12:00:00Z");
        Instant late = early.plusNanos(1);
        String lateOfA = SortableKeys.commitKey(late, new StreamId("t", "a", "1"), 0);
        String earlyOfZ = SortableKeys.commitKey(early, new StreamId("t", "z", "9"), 7);
        List<String> keys = new ArrayList<>(List.of(lateOfA, earlyOfZ));
        keys.sort(null);
        assertThat(keys).containsExactly(earlyOfZ, lateOfA);
        assertThat(SortableKeys.stampOf(lateOfA)).isEqualTo(SortableKeys.time(late));
        assertThat(lateOfA).endsWith("#" + SortableKeys.version(0));
    }

    @Test
    void a_stamp_reads_back_as_its_instant() {
        for (Instant instant : List.of(Instant.EPOCH, Instant.parse("2026-06-01T12:00:00.123456789Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"))) {
            assertThat(SortableKeys.parseTime(SortableKeys.time(instant))).isEqualTo(instant);
        }
        for (String notAStamp : List.of("", "12", "001767225600-000000000", "00176722560x.000000000",
                "001767225600.000000000#numbers")) {
            assertThatThrownBy(() -> SortableKeys.parseTime(notAStamp)).as(notAStamp)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_text_without_a_separator_is_not_a_commit_key() {
        assertThatThrownBy(() -> SortableKeys.stampOf("001767225600.000000000"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
