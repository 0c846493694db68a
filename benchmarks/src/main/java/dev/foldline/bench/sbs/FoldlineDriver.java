package dev.foldline.bench.sbs;

import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.aws.dynamodb.DynamoDbClients;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.aws.dynamodb.DynamoDbTables;
import dev.foldline.aws.dynamodb.StoreItem;
import dev.foldline.bench.Latencies;
import dev.foldline.bench.ScenarioSetup;
import dev.foldline.bench.SdkRequestCounter;
import dev.foldline.bench.TimedRun;
import dev.foldline.bench.Workload;
import dev.foldline.command.CommandHandler;
import dev.foldline.examples.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Foldline's side of the side-by-side run, in a JVM of its own (see {@link SideBySide}): the
 * workload of {@code benchmarks/original/driver.js} through {@code CommandHandler} and
 * {@code DynamoDbEventStore} on the client the functions ship, then the floor (the store's own
 * PutItem sent bare, {@link FloorWrite}), then an untimed pass asking DynamoDB what the commands
 * consumed. Prints name=value lines on stdout.
 *
 * <pre>java ... dev.foldline.bench.sbs.FoldlineDriver ENDPOINT CLIENTS WARMUP COMMANDS RUN_ID</pre>
 */
public final class FoldlineDriver {

    static final int AGGREGATES_PER_CLIENT = 8;
    static final int CAPACITY_COMMANDS = 20;

    private final DynamoDbClient client;
    private final SdkRequestCounter requests = new SdkRequestCounter();
    private final ConsumedCapacityRecorder capacity = new ConsumedCapacityRecorder();
    private final FloorWrite floor = new FloorWrite();
    private final String runId;
    private final int clients;

    private FoldlineDriver(String endpoint, String runId, int clients) {
        this.runId = runId;
        this.clients = clients;
        DynamoDbClientBuilder builder = DynamoDbClients.builderFromEnvironment(
                Map.of("AWS_REGION", "us-east-1", "FOLDLINE_DYNAMODB_ENDPOINT", endpoint));
        this.client = builder
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        .addExecutionInterceptor(requests)
                        .addExecutionInterceptor(capacity)
                        .addExecutionInterceptor(floor)
                        .build())
                .build();
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: FoldlineDriver ENDPOINT CLIENTS WARMUP COMMANDS RUN_ID");
            System.exit(2);
        }
        int status = 0;
        try {
            FoldlineDriver driver = new FoldlineDriver(args[0], args[4], Integer.parseInt(args[1]));
            driver.run(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private void run(int warmup, int commands) {
        String table = "foldline-" + runId;
        DynamoDbTables.create(client, table);
        if (!Boolean.getBoolean("bench.sbs.streams")) {
            client.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
        }
        DynamoDbEventStore store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(table));
        ScenarioSetup setup = new ScenarioSetup(store, clients, runId);
        // One handler for all clients, as the original's one CommandHandler serves all of its clients.
        CommandHandler handler = setup.handler();
        List<List<String>> ids = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            ids.add(setup.existingAggregates(handler, "client" + c, AGGREGATES_PER_CLIENT));
        }
        List<Workload.Worker> commandClients = workers(c -> i -> setup.add(handler, ids.get(c).get(i % AGGREGATES_PER_CLIENT)));
        TimedRun.of(commandClients, perClient(warmup));
        PutItemRequest template = floor.template();
        List<Workload.Worker> floorClients = workers(c -> i -> FloorWrite.send(client, template, StoreItem.PK,
                "floor#" + runId + "#" + c + "#" + i));
        TimedRun.of(floorClients, perClient(warmup));

        requests.reset();
        CpuSpent commandsCpu = CpuSpent.start();
        TimedRun measured = TimedRun.of(commandClients, perClient(commands));
        commandsCpu = commandsCpu.stop();
        Map<String, Long> sent = requests.requests();
        // The measured floor writes go on from the key numbers where the warm-up's stopped: all fresh.
        int warmedUp = perClient(warmup);
        CpuSpent floorCpu = CpuSpent.start();
        TimedRun bare = TimedRun.of(floorClients.stream()
                .map(worker -> (Workload.Worker) i -> worker.command(warmedUp + i)).toList(), perClient(commands));
        floorCpu = floorCpu.stop();

        print("commands", measured.commands());
        printTimes("", measured);
        print("failed", measured.failed());
        long total = sent.values().stream().mapToLong(Long::longValue).sum();
        print("requests_per_cmd", ratio(total, measured.commands()));
        sent.forEach((operation, count) -> print("requests." + operation, ratio(count, measured.commands())));
        printCpu("", commandsCpu, measured.commands());
        printTimes("floor.", bare);
        printCpu("floor.", floorCpu, bare.commands());
        print("item_bytes", FloorWrite.itemBytes(template.item()));

        recordCapacity("warm", i -> setup.add(handler, ids.get(0).get(i % AGGREGATES_PER_CLIENT)));
        CommandHandler uncached = setup.uncachedHandler();
        recordCapacity("cold", i -> setup.add(uncached, ids.get(0).get(i % AGGREGATES_PER_CLIENT)));
        CommandHandler noSnapshots = new CommandHandler(store, AggregateRegistry.of(Numbers.type(SnapshotPolicy.never())));
        List<String> unsnapshotted = setup.existingAggregates(noSnapshots, "nosnapshot", AGGREGATES_PER_CLIENT);
        recordCapacity("nosnapshot", i -> setup.add(noSnapshots, unsnapshotted.get(i % AGGREGATES_PER_CLIENT)));
        client.deleteTable(b -> b.tableName(table));
    }

    private List<Workload.Worker> workers(IntFunction<Workload.Worker> forClient) {
        List<Workload.Worker> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(forClient.apply(c));
        }
        return workers;
    }

    private int perClient(int commands) {
        return Math.max(1, (commands + clients - 1) / clients);
    }

    /** Capacity per command of {@value #CAPACITY_COMMANDS} commands, by operation, table and indexes apart. */
    private void recordCapacity(String label, IntConsumer command) {
        capacity.start();
        for (int i = 0; i < CAPACITY_COMMANDS; i++) {
            command.accept(i);
        }
        capacity.stop().forEach((operation, units) -> {
            print("capacity." + label + "." + operation + ".table", ratio(units.table(), CAPACITY_COMMANDS));
            print("capacity." + label + "." + operation + ".indexes", ratio(units.indexes(), CAPACITY_COMMANDS));
        });
    }

    private static void printTimes(String prefix, TimedRun run) {
        Latencies latencies = run.latencies();
        print(prefix + "cmd_per_s", String.format(Locale.ROOT, "%.1f", run.commandsPerSecond()));
        print(prefix + "p50_ms", ratio(latencies.p50Nanos(), 1e6));
        print(prefix + "p99_ms", ratio(latencies.p99Nanos(), 1e6));
    }

    private static void printCpu(String prefix, CpuSpent spent, int commands) {
        print(prefix + "client_cpu_us_per_cmd", ratio(spent.clientNanos() / 1e3, commands));
        spent.serverNanos().ifPresent(server -> print(prefix + "server_cpu_us_per_cmd", ratio(server / 1e3, commands)));
    }

    /** CPU this JVM and the server spent between start and stop. */
    private record CpuSpent(long clientNanos, OptionalLong serverNanos) {

        static CpuSpent start() {
            return new CpuSpent(ProcessCpu.ownNanos(), ProcessCpu.serverNanos());
        }

        CpuSpent stop() {
            OptionalLong server = ProcessCpu.serverNanos();
            return new CpuSpent(ProcessCpu.ownNanos() - clientNanos,
                    serverNanos.isPresent() && server.isPresent()
                            ? OptionalLong.of(server.getAsLong() - serverNanos.getAsLong()) : OptionalLong.empty());
        }
    }

    private static String ratio(double count, double per) {
        return String.format(Locale.ROOT, "%.3f", count / per);
    }

    private static void print(String name, Object value) {
        System.out.println(name + "=" + value);
    }
}
