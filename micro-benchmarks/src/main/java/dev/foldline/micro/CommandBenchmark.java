package dev.foldline.micro;

import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.examples.Examples;
import dev.foldline.json.Payload;
import dev.foldline.store.MemoryCheckpointStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm command through the core {@link CommandHandler} on the memory store, one thread: what the
 * core itself costs per command, apart from any network. The aggregates are cached (one append,
 * no load), as in a warm function. With {@code encodes}, the store also writes the envelope and
 * snapshot to their stored text, as every real store does before it sends them. The store starts
 * empty each iteration (it keeps every envelope in memory).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class CommandBenchmark {

    static final int AGGREGATES = 16;

    /** numbers: AddNumbers, a snapshot on every commit; calculator: key presses, a snapshot every 10. */
    @Param({"numbers", "calculator"})
    String aggregate;

    @Param({"false", "true"})
    boolean encodes;

    private CommandHandler handler;
    private Payload[][] payloads;
    private String[][] names;
    private final long[] sent = new long[AGGREGATES];
    private int next;

    @Setup(Level.Iteration)
    public void warm() {
        handler = new CommandHandler(new BenchStore(new MemoryCheckpointStore(), encodes), Examples.registry());
        // The commands repeat with a short period (the calculator's "+ 2 =", numbers' operands mod
        // 7 are irrelevant to cost), so they are parsed once, as an HTTP edge would per request.
        int period = 3;
        payloads = new Payload[AGGREGATES][period + 1];
        names = new String[AGGREGATES][period + 1];
        for (int a = 0; a < AGGREGATES; a++) {
            for (int i = 0; i <= period; i++) {
                Ledgers.Command command = Ledgers.command(aggregate, i);
                payloads[a][i] = command.payload(aggregate + "-" + a);
                names[a][i] = command.name();
            }
            sent[a] = 0;
            run(a);
        }
    }

    @Benchmark
    public CommandResult warmCommand() {
        int a = next;
        next = (next + 1) % AGGREGATES;
        return run(a);
    }

    private CommandResult run(int a) {
        long index = sent[a]++;
        // index 0 starts the aggregate; after it the workload cycles through 1..3
        int slot = index == 0 ? 0 : (int) ((index - 1) % 3) + 1;
        return handler.command(Ledgers.ACTOR, names[a][slot], payloads[a][slot]);
    }
}
