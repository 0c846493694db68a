package dev.foldline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnapshotPolicyTest {

    @Test
    void every_commit_snapshots_each_envelope() {
        assertThat(SnapshotPolicy.everyCommit().snapshotAt(0, -1)).isTrue();
        assertThat(SnapshotPolicy.everyCommit().snapshotAt(5, 4)).isTrue();
    }

    @Test
    void every_n_snapshots_once_n_envelopes_follow_the_last_snapshot() {
        SnapshotPolicy everyThree = SnapshotPolicy.every(3);
        assertThat(everyThree.snapshotAt(0, -1)).isFalse();
        assertThat(everyThree.snapshotAt(2, -1)).isTrue();
        assertThat(everyThree.snapshotAt(4, 2)).isFalse();
        assertThat(everyThree.snapshotAt(5, 2)).isTrue();
    }

    @Test
    void never_does_not_snapshot() {
        assertThat(SnapshotPolicy.never().snapshotAt(100, -1)).isFalse();
    }

    @Test
    void an_interval_below_one_is_refused() {
        assertThatThrownBy(() -> SnapshotPolicy.every(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
