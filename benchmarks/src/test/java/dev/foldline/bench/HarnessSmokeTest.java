package dev.foldline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keeps the harness working without running a benchmark in the build: five commands per scenario
 * on the memory store, checking the round trips the README promises (not timings).
 */
class HarnessSmokeTest {

    private static final int COMMANDS = 5;

    private final StoreUnderTest store = StoreUnderTest.memory();
    private final Harness harness = new Harness(2);

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void aWarmCommandIsOneAppendAndNoLoad() {
        ScenarioResult warm = harness.run(store, Scenario.WARM, COMMANDS, COMMANDS);

        assertThat(warm.commands()).isEqualTo(COMMANDS);
        assertThat(warm.calls()).isEqualTo(new StoreCalls(0, COMMANDS, 0, 0, 0));
        assertThat(warm.failed()).isZero();
        // Every measured command was timed (the percentile arithmetic itself is LatenciesTest's).
        assertThat(warm.latencies().p50Nanos()).isPositive();
    }

    @Test
    void aColdCommandIsOneLoadAndOneAppend() {
        ScenarioResult cold = harness.run(store, Scenario.COLD, 0, COMMANDS);

        assertThat(cold.calls()).isEqualTo(new StoreCalls(COMMANDS, COMMANDS, 0, 0, 0));
    }

    @Test
    void aNewAggregateIsOneAppend() {
        ScenarioResult created = harness.run(store, Scenario.NEW_AGGREGATES, 0, COMMANDS);

        assertThat(created.calls()).isEqualTo(new StoreCalls(0, COMMANDS, 0, 0, 0));
    }

    @Test
    void contendedCommandsAllCommitAndEveryConflictCostsOneLoad() {
        ScenarioResult contended = harness.run(store, Scenario.CONTENDED, 0, 10);

        assertThat(contended.threads()).isEqualTo(2);
        assertThat(contended.failed()).isZero();
        assertThat(contended.calls().appends()).isEqualTo(contended.commands() + contended.calls().conflicts());
        assertThat(contended.calls().loads()).isEqualTo(contended.calls().conflicts());
    }

    @Test
    void theTableHasARowPerResultInBothRenderings() {
        ScenarioResult parallel = harness.run(store, Scenario.PARALLEL, 0, COMMANDS);
        ResultTable table = new ResultTable(List.of(parallel));

        assertThat(table.text().lines()).hasSize(3).last().asString().contains("MemoryEventStore", "parallel");
        assertThat(table.markdown().lines()).hasSize(3).last().asString().startsWith("| MemoryEventStore | parallel | 2 |");
    }
}
