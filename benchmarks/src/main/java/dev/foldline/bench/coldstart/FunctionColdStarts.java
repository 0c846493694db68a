package dev.foldline.bench.coldstart;

import com.azure.cosmos.CosmosClient;
import dev.foldline.aws.dynamodb.DynamoDbTables;
import dev.foldline.azure.CosmosImitation;
import dev.foldline.azure.cosmos.CosmosContainers;
import dev.foldline.azure.cosmos.CosmosStoreOptions;
import dev.foldline.bench.LocalDynamoDbServer;
import dev.foldline.bench.SdkRequestCounter;
import dev.foldline.gcp.FirestoreEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start per cloud, for {@code scripts/bench-cold-start-functions}: starts DynamoDB Local, the
 * Cosmos imitation and the Firestore emulator once, then, round after round, runs each cloud's probe
 * in a fresh JVM on that cloud's shipped artifact, once through the command function and once as a
 * bare SDK write, alternating which goes first. Prints every run and the medians and ratios.
 */
public final class FunctionColdStarts {

    private static final String TABLE = "foldline-cold-start";
    private static final String COSMOS_DATABASE = "foldline-cold-start";

    private FunctionColdStarts() {
    }

    /** Exits explicitly: DynamoDB Local leaves a non-daemon thread behind (see Benchmarks). */
    public static void main(String[] args) {
        int status = 0;
        try {
            run(Integer.getInteger("cold.rounds", 5), Path.of(args.length > 0 ? args[0] : "."),
                    Set.of(System.getProperty("cold.clouds", "aws,azure,gcp").split(",")),
                    Optional.ofNullable(System.getProperty("cold.aws.compare")).filter(path -> !path.isBlank()).map(Path::of));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs the clouds named in {@code wanted} (only their emulators are started); with
     * {@code awsCompare}, another Lambda artifact (say, main's) runs as cloud {@code aws-compare} in
     * the same rounds, so that a change is measured against what it changes in one session.
     * Modes alternate every round, and so does the order of the clouds.
     */
    private static void run(int rounds, Path root, Set<String> wanted, Optional<Path> awsCompare) throws Exception {
        System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
        Path logs = root.resolve("benchmarks/target").toAbsolutePath();
        try (LocalDynamoDbServer dynamo = wanted.contains("aws") ? LocalDynamoDbServer.start() : null;
             CosmosImitation.Server cosmos = wanted.contains("azure") || wanted.contains("azure-warmed") ? CosmosImitation.launch(
                     root.resolve("azure-functions/src/test/cosmos-emulator").toAbsolutePath(), logs) : null;
             FirestoreEmulator firestore = wanted.contains("gcp") ? FirestoreEmulator.start() : null) {
            List<ProbeCommand> clouds = new ArrayList<>();
            if (dynamo != null) {
                createTable(dynamo);
                clouds.add(aws("aws", root.resolve("aws-lambda/target/foldline-aws-lambda.zip"), dynamo));
                awsCompare.ifPresent(artifact -> clouds.add(aws("aws-compare", artifact.toAbsolutePath(), dynamo)));
            }
            if (cosmos != null) {
                createContainers(cosmos);
                if (wanted.contains("azure")) {
                    clouds.add(azure("azure", root, cosmos, List.of()));
                }
                if (wanted.contains("azure-warmed")) {
                    clouds.add(azure("azure-warmed", root, cosmos, List.of("-D" + AzureProbe.WARMUP + "=true")));
                }
            }
            if (firestore != null) {
                clouds.add(gcp(root, firestore));
            }
            List<ColdStartRun> runs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                List<String> modes = round % 2 == 1 ? List.of("function", "bare") : List.of("bare", "function");
                for (ProbeCommand cloud : round % 2 == 1 ? clouds : reversed(clouds)) {
                    for (String mode : modes) {
                        ColdStartRun result = cloud.run(mode, logs);
                        System.out.println("round=" + round + " " + result.line());
                        runs.add(result);
                    }
                }
            }
            System.out.println();
            System.out.print(ColdStartRun.summary(runs));
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static void createTable(LocalDynamoDbServer dynamo) {
        try (DynamoDbClient client = dynamo.client(new SdkRequestCounter())) {
            DynamoDbTables.create(client, TABLE);
        }
    }

    private static void createContainers(CosmosImitation.Server cosmos) {
        try (CosmosClient client = CosmosImitation.builder(cosmos.endpoint()).buildClient()) {
            CosmosContainers.createIfMissing(client, CosmosStoreOptions.defaults(COSMOS_DATABASE));
        }
    }

    /**
     * The Lambda artifact; the template's JAVA_TOOL_OPTIONS; the settings the template sets, an
     * endpoint, and the initialisation type Lambda gives a fresh environment without SnapStart.
     */
    private static ProbeCommand aws(String name, Path artifact, LocalDynamoDbServer dynamo) {
        return new ProbeCommand(name, AwsProbe.class,
                List.of(artifact),
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                Map.of("FOLDLINE_TABLE", TABLE, "FOLDLINE_DYNAMODB_ENDPOINT", dynamo.endpoint().toString(),
                        "AWS_REGION", "us-east-1", "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
                        SdkSystemSetting.AWS_ACCESS_KEY_ID.environmentVariable(), "local",
                        SdkSystemSetting.AWS_SECRET_ACCESS_KEY.environmentVariable(), "local"));
    }

    /**
     * The staged function app (its jar and lib/), the Functions core library the Java worker
     * provides (the package leaves it out), and the request fakes of the module's test-jar.
     */
    private static ProbeCommand azure(String name, Path root, CosmosImitation.Server cosmos, List<String> options) {
        Path app = root.resolve("azure-functions/target/azure-functions/foldline");
        List<String> jvm = new ArrayList<>(List.of("-DCOSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED=true"));
        jvm.addAll(options);
        return new ProbeCommand(name, AzureProbe.class,
                List.of(ProbeCommand.only(app, "azure-functions-*.jar"), app.resolve("lib").resolve("*"),
                        ProbeCommand.fromClassPath(root.resolve("benchmarks/target/runtime-classpath.txt"),
                                "azure-functions-java-core-library"),
                        ProbeCommand.only(root.resolve("azure-functions/target"), "azure-functions-*-tests.jar")),
                jvm,
                Map.of("FOLDLINE_COSMOS", "AccountEndpoint=" + cosmos.endpoint() + ";AccountKey=" + CosmosImitation.KEY + ";",
                        "FOLDLINE_COSMOS_DATABASE", COSMOS_DATABASE,
                        "WEBSITE_AUTH_ENABLED", "True"));
    }

    /** The deployable jar and the Functions Framework API the invoker provides. */
    private static ProbeCommand gcp(Path root, FirestoreEmulator firestore) {
        return new ProbeCommand("gcp", GcpProbe.class,
                List.of(root.resolve("gcp-functions/target/deploy/foldline-gcp-functions.jar"),
                        ProbeCommand.fromClassPath(root.resolve("benchmarks/target/runtime-classpath.txt"), "functions-framework-api")),
                List.of(),
                Map.of("FIRESTORE_EMULATOR_HOST", firestore.hostPort(), "GOOGLE_CLOUD_PROJECT", FirestoreEmulator.PROJECT));
    }
}
