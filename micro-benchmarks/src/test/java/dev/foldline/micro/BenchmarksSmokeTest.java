package dev.foldline.micro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.command.CommandResult;
import dev.foldline.examples.Calculator;
import dev.foldline.examples.Numbers;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.projection.BatchResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark body a few times outside JMH and checks that it does the work it claims
 * (no timings: those are for scripts/bench-micro).
 */
class BenchmarksSmokeTest {

    @Test
    void replayFoldsTheStoredTextToTheStateTheCommandsProduced() {
        ReplayBenchmark replay = new ReplayBenchmark();
        replay.record();
        assertThat(replay.calculator()).isEqualTo(folded(Calculator.type(), Calculator.NAME))
                .isEqualTo(replay.dynamicCalculator()).isEqualTo(replay.calculatorTwoActors())
                .isEqualTo(replay.calculatorFoldOnly());
        assertThat(ReplayBenchmark.alternatingActors(ReplayBenchmark.stored(Calculator.NAME)).stream().limit(4)
                .map(stored -> EnvelopeCodec.read(stored).actor().id())).containsExactly("user-1", "user-2", "user-1", "user-2");
        assertThat(replay.numbers()).isEqualTo(folded(Numbers.type(), Numbers.NAME));
        assertThat(replay.calculator().result()).isGreaterThan(600);
    }

    @Test
    void codecsRoundTripWhatTheyMeasure() {
        CodecBenchmark codec = new CodecBenchmark();
        CodecBenchmark.Envelopes envelopes = new CodecBenchmark.Envelopes();
        envelopes.record();
        assertThat(codec.decodeEnvelope(envelopes)).isEqualTo(envelopes.envelope);
        assertThat(codec.encodeEnvelope(envelopes)).isEqualTo(envelopes.stored);
        for (int keys : new int[] {0, 8}) {
            CodecBenchmark.Snapshots snapshots = new CodecBenchmark.Snapshots();
            snapshots.keys = keys;
            snapshots.take();
            assertThat(codec.encodeSnapshot(snapshots)).isEqualTo(snapshots.stored);
            assertThat(codec.decodeSnapshot(snapshots)).isEqualTo(snapshots.state);
            assertThat(snapshots.snapshot.keys()).hasSize(keys);
        }
    }

    @Test
    void aProjectedBatchAppliesEveryEnvelopeAndWritesProgressOncePerStream() {
        ProjectorBenchmark projector = new ProjectorBenchmark();
        projector.deliver();
        for (int round = 1; round <= 2; round++) {
            projector.forgetProgress();
            ProjectorBenchmark.Writes writes = new ProjectorBenchmark.Writes();
            BatchResult<String> result = projector.envelopeBatch(writes);
            assertThat(result.report().applied()).isEqualTo(ProjectorBenchmark.BATCH);
            assertThat(result.retryFrom()).isEmpty();
            assertThat(writes.checkpointWrites).isEqualTo(ProjectorBenchmark.STREAMS);
            assertThat(projector.counter.count("projected-3")).isEqualTo(ProjectorBenchmark.VERSIONS * round);
        }
    }

    @Test
    void streamRecordsGoThroughTheStreamFunctionWithProgressWrittenOncePerStream() {
        ProjectorBenchmark projector = new ProjectorBenchmark();
        projector.deliver();
        projector.forgetProgress();
        ProjectorBenchmark.Writes writes = new ProjectorBenchmark.Writes();
        assertThat(projector.dynamoDbStreamRecords(writes).getBatchItemFailures()).isEmpty();
        assertThat(writes.checkpointWrites).isEqualTo(ProjectorBenchmark.STREAMS);
        assertThat(writes.batches).isEqualTo(1);
        assertThat(projector.counter.counts()).hasSize(ProjectorBenchmark.STREAMS)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(ProjectorBenchmark.VERSIONS));
    }

    @Test
    void warmCommandsEachAppendTheNextVersionOfTheirAggregate() {
        for (String aggregate : List.of(Numbers.NAME, Calculator.NAME)) {
            CommandBenchmark command = new CommandBenchmark();
            command.aggregate = aggregate;
            command.encodes = true;
            command.warm();
            CommandResult last = null;
            for (int i = 0; i < 3 * CommandBenchmark.AGGREGATES; i++) {
                last = command.warmCommand();
            }
            assertThat(last.envelope()).isPresent();
            assertThat(last.version()).isEqualTo(3);
        }
    }

    private static <S> S folded(AggregateType<S> type, String aggregate) {
        S state = type.initialState();
        for (Envelope envelope : Ledgers.record(aggregate, "replayed", ReplayBenchmark.EVENTS)) {
            for (Event event : envelope.events()) {
                state = type.apply(state, event);
            }
        }
        return state;
    }
}
