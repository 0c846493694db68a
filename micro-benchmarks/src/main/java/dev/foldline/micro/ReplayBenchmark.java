package dev.foldline.micro;

import dev.foldline.aggregate.AggregateType;
import dev.foldline.examples.Calculator;
import dev.foldline.examples.DynamicCalculator;
import dev.foldline.examples.Numbers;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay: the stored envelopes of one aggregate, as text, decoded and folded into its state, one
 * thread. This is what a cold load without a snapshot costs beyond the store's round trip. One
 * operation is one event (each example envelope carries one).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ReplayBenchmark {

    static final int EVENTS = 1_000;

    private final AggregateType<Calculator.State> calculator = Calculator.type();
    private final AggregateType<Calculator.State> dynamicCalculator = DynamicCalculator.type();
    private final AggregateType<Numbers.State> numbers = Numbers.type();
    private List<String> calculatorLedger;
    private List<String> twoActorsLedger;
    private List<String> numbersLedger;
    private List<Event> calculatorEvents;

    @Setup
    public void record() {
        calculatorLedger = stored(Calculator.NAME);
        twoActorsLedger = alternatingActors(calculatorLedger);
        numbersLedger = stored(Numbers.NAME);
        calculatorEvents = calculatorLedger.stream().flatMap(stored -> EnvelopeCodec.read(stored).events().stream())
                .toList();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Calculator.State calculator() {
        return replay(calculator, calculatorLedger);
    }

    /**
     * The same ledger folded by the calculator written against {@code Payload}: {@link #calculator}
     * is typed (records bound by their codecs), and the issue wants it within 1.5x of this one.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Calculator.State dynamicCalculator() {
        return replay(dynamicCalculator, calculatorLedger);
    }

    /**
     * The ledger with two actors taking turns: the decoder reuses the actor of the envelope before
     * when its text repeats, and here it never does, so this is the cost without that reuse.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Calculator.State calculatorTwoActors() {
        return replay(calculator, twoActorsLedger);
    }

    /** The fold alone, the events already decoded: what {@link #calculator} spends beyond decoding. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Calculator.State calculatorFoldOnly() {
        Calculator.State state = calculator.initialState();
        for (Event event : calculatorEvents) {
            state = calculator.apply(state, event);
        }
        return state;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Numbers.State numbers() {
        return replay(numbers, numbersLedger);
    }

    static <S> S replay(AggregateType<S> type, List<String> ledger) {
        S state = type.initialState();
        for (String stored : ledger) {
            for (Event event : EnvelopeCodec.read(stored).events()) {
                state = type.apply(state, event);
            }
        }
        return state;
    }

    /** Every other envelope written by a second user of the same tenant, as it would store it. */
    static List<String> alternatingActors(List<String> ledger) {
        String actor = "\"id\":\"" + Ledgers.ACTOR.id() + "\"";
        List<String> alternating = new ArrayList<>();
        for (int i = 0; i < ledger.size(); i++) {
            String stored = ledger.get(i);
            if (!stored.contains(actor)) {
                throw new IllegalStateException("the ledger's actor is not stored as " + actor);
            }
            alternating.add(i % 2 == 0 ? stored : stored.replace(actor, "\"id\":\"user-2\""));
        }
        return alternating;
    }

    static List<String> stored(String aggregate) {
        return Ledgers.record(aggregate, "replayed", EVENTS).stream().map(EnvelopeCodec::write).toList();
    }
}
