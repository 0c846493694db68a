package dev.foldline.micro;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.Application;
import dev.foldline.aws.AwsRuntime;
import dev.foldline.aws.StreamFunction;
import dev.foldline.aws.dynamodb.StoreItem;
import dev.foldline.examples.EventCounter;
import dev.foldline.examples.Examples;
import dev.foldline.examples.Numbers;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.projection.BatchResult;
import dev.foldline.projection.Delivery;
import dev.foldline.projection.EventHandler;
import dev.foldline.projection.Projector;
import dev.foldline.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The projector: one delivered batch of {@value #BATCH} envelopes ({@value #STREAMS} aggregates,
 * {@value #VERSIONS} versions each, interleaved as a stream shard mixes them) applied to the
 * original's event counter in memory. Once as envelopes (what every platform hands the core),
 * once as DynamoDB Streams records through the stream function (decoding included). Before each
 * batch the progress is forgotten, so every batch is new work, never duplicates. One operation is
 * one envelope; {@code checkpointWrites / batches} shows the progress writes per batch.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ProjectorBenchmark {

    static final int STREAMS = 10;
    static final int VERSIONS = 10;
    static final int BATCH = STREAMS * VERSIONS;
    static final String SCOPE = "bench";

    /** Progress writes per batch, to verify that they are batched (one per stream and handler). */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Writes {
        public long checkpointWrites;
        public long batches;

        @Setup(Level.Iteration)
        public void reset() {
            checkpointWrites = 0;
            batches = 0;
        }

        void count(Progress progress, long before) {
            checkpointWrites += progress.writes() - before;
            batches++;
        }
    }

    final Progress progress = new Progress();
    final EventCounter counter = new EventCounter("counter");
    private final List<EventHandler> handlers = List.of(counter);
    private Projector projector;
    private StreamFunction function;
    List<Delivery<String>> deliveries;
    DynamodbEvent records;

    @Setup(Level.Trial)
    public void deliver() {
        BenchStore store = new BenchStore(progress, false);
        projector = new Projector(store, progress, Projector.DEFAULT_ATTEMPTS, Tracer.NOOP);
        function = new StreamFunction(AwsRuntime.of(store, List.of(new Counting(counter)), Map.of()));
        List<List<Envelope>> streams = new ArrayList<>();
        for (int s = 0; s < STREAMS; s++) {
            streams.add(Ledgers.record(Numbers.NAME, "projected-" + s, VERSIONS));
        }
        deliveries = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> streamRecords = new ArrayList<>();
        for (int v = 0; v < VERSIONS; v++) {
            for (List<Envelope> stream : streams) {
                String sequenceNumber = Long.toString(100_000_000_000L + deliveries.size());
                Envelope envelope = stream.get(v);
                deliveries.add(new Delivery<>(sequenceNumber, envelope));
                streamRecords.add(inserted(sequenceNumber, envelope));
            }
        }
        records = new DynamodbEvent();
        records.setRecords(streamRecords);
    }

    @Setup(Level.Invocation)
    public void forgetProgress() {
        progress.forget();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public BatchResult<String> envelopeBatch(Writes writes) {
        long before = progress.writes();
        BatchResult<String> result = projector.projectBatch(SCOPE, deliveries, handlers);
        writes.count(progress, before);
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public StreamsEventResponse dynamoDbStreamRecords(Writes writes) {
        long before = progress.writes();
        StreamsEventResponse response = function.handleRequest(records, null);
        writes.count(progress, before);
        return response;
    }

    /** The record DynamoDB Streams delivers for an appended envelope item (NEW_IMAGE view). */
    private static DynamodbEvent.DynamodbStreamRecord inserted(String sequenceNumber, Envelope envelope) {
        Map<String, AttributeValue> image = Map.of(
                StoreItem.PK, new AttributeValue("ev#" + envelope.stream().tenant() + "#" + envelope.stream().aggregateType()
                        + "#" + envelope.stream().aggregateId()),
                StoreItem.SK, new AttributeValue(String.format("%019d", envelope.version())),
                StoreItem.KIND, new AttributeValue(StoreItem.KIND_ENVELOPE),
                StoreItem.ENVELOPE, new AttributeValue(EnvelopeCodec.write(envelope)),
                StoreItem.SNAPSHOT, new AttributeValue(new Snapshot(envelope.version(),
                        "{\"sum\":" + envelope.version() + "}", List.of(), envelope.commandId()).stored()),
                StoreItem.TENANT_INDEX_PK, new AttributeValue(envelope.tenant() + "#0"),
                StoreItem.TENANT_INDEX_SK, new AttributeValue(envelope.committedAt() + "#" + envelope.stream()));
        StreamRecord dynamodb = new StreamRecord()
                .withSequenceNumber(sequenceNumber)
                .withNewImage(image);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(dynamodb);
        return record;
    }

    /** The examples' aggregates with the in-memory counter as the one handler. */
    private record Counting(EventCounter counter) implements Application {
        @Override
        public List<AggregateType<?>> aggregates() {
            return List.copyOf(Examples.registry().types());
        }

        @Override
        public List<EventHandler> handlers() {
            return List.of(counter);
        }
    }
}
