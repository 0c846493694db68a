package dev.foldline.store.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import dev.foldline.store.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommitOrderReadsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    /** What a store keeps in its commit-order index: the commit key and the envelope. */
    record Item(String key, Envelope envelope) {
        static Item of(String id, long version, Instant stamp) {
            StreamId stream = new StreamId("t", "numbers", id);
            Envelope envelope = new Envelope(stream, version, "Do", Actor.of("t", "u"),
                    List.of(Event.of("Happened", Payload.empty())), stamp);
            return new Item(SortableKeys.commitKey(stamp, stream, version), envelope);
        }
    }

    private static String label(Envelope e) {
        return e.stream().aggregateId() + "@" + e.version();
    }

    @Test
    void a_page_is_the_first_candidates_by_commit_key_and_says_whether_more_remain() {
        List<Item> shuffled = new ArrayList<>(List.of(Item.of("c", 0, T0.plusSeconds(3)),
                Item.of("a", 0, T0.plusSeconds(1)), Item.of("b", 0, T0.plusSeconds(2))));
        Collections.shuffle(shuffled, new Random(7));
        Page page = CommitOrderReads.page(shuffled, Item::key, Item::envelope, ReadPosition.START, 2, T0);
        assertThat(page.envelopes()).extracting(CommitOrderReadsTest::label).containsExactly("a@0", "b@0");
        assertThat(page.more()).isTrue();

        Page all = CommitOrderReads.page(shuffled, Item::key, Item::envelope, ReadPosition.START, 3, T0);
        assertThat(all.more()).isFalse();
    }

    @Test
    void only_the_envelopes_handed_out_are_decoded() {
        AtomicInteger decoded = new AtomicInteger();
        List<Item> items = List.of(Item.of("a", 0, T0), Item.of("b", 0, T0.plusSeconds(1)),
                Item.of("c", 0, T0.plusSeconds(2)));
        CommitOrderReads.page(items, Item::key, i -> {
            decoded.incrementAndGet();
            return i.envelope();
        }, ReadPosition.START, 1, T0);
        assertThat(decoded).hasValue(1);
    }

    @Test
    void each_stream_takes_its_slots_in_version_order_when_its_stamps_disagree() {
        // Writers' clocks disagree: version 1 of "a" was stamped before version 0.
        List<Item> items = List.of(Item.of("a", 1, T0), Item.of("b", 0, T0.plusSeconds(1)),
                Item.of("a", 0, T0.plusSeconds(2)));
        Page page = CommitOrderReads.page(items, Item::key, Item::envelope, ReadPosition.START, 10, T0);
        assertThat(page.envelopes()).extracting(CommitOrderReadsTest::label).containsExactly("a@0", "b@0", "a@1");
    }

    @Test
    void a_reader_resuming_from_each_next_position_meets_every_envelope_even_one_visible_late() {
        // The store's index: envelopes become visible over time, not in stamp order.
        List<Item> visible = new ArrayList<>();
        Instant now = T0;
        List<String> seen = new ArrayList<>();
        String token = null;
        Random random = new Random(42);
        List<String> committed = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            now = now.plusSeconds(10);
            // Each step commits two envelopes; one of them is stamped up to four minutes in the
            // past (a slow writer), always inside the five-minute settle window.
            Instant slow = now.minusSeconds(random.nextInt(240));
            visible.add(Item.of("fast" + step, 0, now));
            visible.add(Item.of("slow" + step, 0, slow));
            committed.add("fast" + step + "@0");
            committed.add("slow" + step + "@0");
            token = readUntilNoMore(visible, token, now, seen);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(committed);
        // Once the window has passed, the position forgets what it delivered.
        String settled = readUntilNoMore(visible, token, now.plus(WINDOW).plusSeconds(1), seen);
        assertThat(ReadPosition.decode(settled).delivered()).isEmpty();
        assertThat(seen).hasSameSizeAs(committed);
    }

    @Test
    void a_reader_far_behind_reads_a_settled_backlog_page_by_page_without_skipping() {
        List<Item> backlog = new ArrayList<>();
        List<String> committed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            backlog.add(Item.of("old" + i, 0, T0.plusSeconds(i)));
            committed.add("old" + i + "@0");
        }
        List<String> seen = new ArrayList<>();
        readUntilNoMore(backlog, null, T0.plus(Duration.ofDays(1)), seen);
        assertThat(seen).containsExactlyElementsOf(committed);
    }

    /** What a store's readAll does: read at or after the watermark, skip what was delivered. */
    private static String readUntilNoMore(List<Item> index, String token, Instant now, List<String> seen) {
        int limit = 3;
        while (true) {
            ReadPosition position = ReadPosition.decode(token);
            List<Item> candidates = index.stream()
                    .filter(i -> position.watermark() == null || i.key().compareTo(position.watermark()) >= 0)
                    .filter(i -> !position.wasDelivered(i.key()))
                    .sorted(Comparator.comparing(Item::key))
                    .limit(limit + 1)
                    .toList();
            Page page = CommitOrderReads.page(candidates, Item::key, Item::envelope, position, limit, now.minus(WINDOW));
            page.envelopes().forEach(e -> seen.add(label(e)));
            token = page.nextPosition();
            if (!page.more()) {
                return token;
            }
        }
    }

    @Test
    void a_reader_tailing_more_commits_than_a_position_holds_falls_behind_but_misses_none_and_its_position_stays_bounded() {
        int cap = 50;
        List<Item> index = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            index.add(Item.of("s" + i, 0, T0.plusMillis(i * 100L)));
        }
        List<String> seen = new ArrayList<>();
        ReadPosition position = ReadPosition.START;
        Instant now = T0.plusSeconds(20); // every item is inside the settle window
        for (int round = 0; round < 200 && seen.size() < index.size(); round++) {
            ReadPosition from = position;
            List<Item> candidates = index.stream()
                    .filter(i -> from.watermark() == null || i.key().compareTo(from.watermark()) >= 0)
                    .filter(i -> !from.wasDelivered(i.key()))
                    .toList();
            Page page = CommitOrderReads.page(candidates, Item::key, Item::envelope, position, 20, now.minus(WINDOW), cap);
            position = ReadPosition.decode(page.nextPosition());
            assertThat(position.delivered()).hasSizeLessThanOrEqualTo(cap);
            page.envelopes().forEach(e -> seen.add(label(e)));
            if (page.envelopes().isEmpty()) {
                now = now.plus(Duration.ofSeconds(10)); // nothing more to hand out until older keys settle
            }
        }

        assertThat(seen).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(index.stream().map(i -> label(i.envelope())).toList());
    }
}
