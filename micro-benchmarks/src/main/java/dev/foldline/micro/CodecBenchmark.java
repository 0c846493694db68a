package dev.foldline.micro;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.examples.Calculator;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import dev.foldline.model.RecordedKey;
import dev.foldline.model.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stored forms: an envelope written once per command and read on every load and projection,
 * and a snapshot (with the state it holds) written when the policy says and read by a cold load.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecBenchmark {

    /** A calculator envelope as the command handler writes it. */
    @State(Scope.Benchmark)
    public static class Envelopes {
        Envelope envelope;
        String stored;

        @Setup
        public void record() {
            envelope = Ledgers.record(Calculator.NAME, "codec", 2).get(1);
            stored = EnvelopeCodec.write(envelope);
        }
    }

    /**
     * A calculator snapshot as the command handler takes it: the state, the attempt id, and the
     * idempotency keys the aggregate remembers (none, or a busy aggregate's few).
     */
    @State(Scope.Benchmark)
    public static class Snapshots {
        @Param({"0", "8"})
        int keys;

        final AggregateType<Calculator.State> type = Calculator.type();
        final Calculator.State state = new Calculator.State("12.5", "2", "+", 12.5);
        Snapshot snapshot;
        String stored;

        @Setup
        public void take() {
            List<RecordedKey> remembered = new ArrayList<>();
            Instant committed = Instant.parse("2026-12-02T03:04:05.123456Z");
            for (int i = 0; i < keys; i++) {
                remembered.add(new RecordedKey(UUID.randomUUID().toString(), "f".repeat(64), 10L + i,
                        committed.plusMillis(i)));
            }
            snapshot = new Snapshot(20, type.stateToJson(state), remembered, UUID.randomUUID().toString());
            stored = snapshot.stored();
        }
    }

    @Benchmark
    public String encodeEnvelope(Envelopes envelopes) {
        return EnvelopeCodec.write(envelopes.envelope);
    }

    @Benchmark
    public Envelope decodeEnvelope(Envelopes envelopes) {
        return EnvelopeCodec.read(envelopes.stored);
    }

    /** What a command that takes a snapshot adds: the state to JSON, then the stored form. */
    @Benchmark
    public String encodeSnapshot(Snapshots snapshots) {
        Snapshot taken = new Snapshot(snapshots.snapshot.version(), snapshots.type.stateToJson(snapshots.state),
                snapshots.snapshot.keys(), snapshots.snapshot.commandId());
        return taken.stored();
    }

    /** What a cold load does with a stored snapshot: read the stored form, then the state. */
    @Benchmark
    public Calculator.State decodeSnapshot(Snapshots snapshots) {
        Snapshot read = Snapshot.fromStored(snapshots.snapshot.version(), snapshots.stored);
        return snapshots.type.stateFromJson(read.stateJson());
    }
}
