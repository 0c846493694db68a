package dev.foldline.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.store.MemoryCheckpointStore;
import dev.foldline.store.Page;
import dev.foldline.store.StreamSlice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cache's byte bound holds on the real heap, not only in its own accounting: a JVM with a
 * 96 MB heap runs commands on 400 aggregates of 1 MB each (400 MB if all were kept). With the
 * default-sized bound cut to 16 MB it finishes; with the byte bound lifted, the same run dies of
 * OutOfMemoryError, which shows the test can tell the difference.
 */
class CacheHeapBoundTest {

    private static final int AGGREGATES = 400;
    private static final int STATE_BYTES = 1024 * 1024;

    @Test
    void four_hundred_one_megabyte_aggregates_run_in_a_96_megabyte_heap_when_the_cache_is_bounded_to_16() throws Exception {
        Run run = runChild(16);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("commands=" + AGGREGATES);
    }

    @Test
    void the_same_run_without_a_byte_bound_runs_out_of_memory() throws Exception {
        Run run = runChild(Long.MAX_VALUE / (1024 * 1024));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("OutOfMemoryError");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run runChild(long cacheMegabytes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LargeAggregates.class.getName(), Long.toString(cacheMegabytes))
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + new String(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** The child: a command handler over a store that hands out 1 MB snapshots and keeps nothing. */
    public static final class LargeAggregates {

        record Big(String text) {
        }

        public static void main(String[] args) {
            long cacheBytes = Long.parseLong(args[0]) * 1024 * 1024;
            AggregateType<Big> big = AggregateType.named("big", Big.class, () -> new Big(""))
                    .command("Touch", context -> context.push("Touched"))
                    .event("Touched", (state, event) -> state)
                    .build();
            CommandHandler handler = new CommandHandler(new LargeSnapshotStore(), new AggregateRegistry(List.of(big)),
                    CommandHandler.Options.defaults().withCacheBytes(cacheBytes));
            Actor actor = new Actor("t1", "tester", java.util.Set.of(), java.util.Map.of());
            for (int i = 0; i < AGGREGATES; i++) {
                handler.command(actor, "Touch", Payload.empty().with(CommandHandler.AGGREGATE_ID, "b" + i));
            }
            System.out.println("commands=" + AGGREGATES);
        }
    }

    private static final class LargeSnapshotStore implements EventStore {

        private final CheckpointStore checkpoints = new MemoryCheckpointStore();

        @Override
        public StreamSlice load(StreamId stream, long knownVersion) {
            String state = "{\"text\":\"" + "x".repeat(STATE_BYTES) + "\"}";
            return new StreamSlice(Optional.of(new Snapshot(0, state)), List.of());
        }

        @Override
        public AppendResult append(Envelope envelope, Snapshot snapshot) {
            return AppendResult.COMMITTED;
        }

        @Override
        public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
            return List.of();
        }

        @Override
        public Page readAll(String tenant, String afterPosition, int limit) {
            return new Page(List.of(), afterPosition, false);
        }

        @Override
        public List<String> tenants() {
            return List.of();
        }

        @Override
        public CheckpointStore checkpoints() {
            return checkpoints;
        }
    }
}
