package dev.foldline.bench;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.models.CosmosClientTelemetryConfig;
import com.google.cloud.firestore.Firestore;
import dev.foldline.azure.CosmosImitation;
import dev.foldline.azure.cosmos.CosmosContainers;
import dev.foldline.azure.cosmos.CosmosEventStore;
import dev.foldline.azure.cosmos.CosmosStoreOptions;
import dev.foldline.gcp.FirestoreEmulator;
import dev.foldline.gcp.firestore.FirestoreEventStore;
import dev.foldline.gcp.firestore.FirestoreStoreOptions;
import dev.foldline.trace.Tracer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Cosmos and Firestore stores on their local stand-ins, started the way their modules' tests
 * start them (the same helpers, from the modules' test-jars): the Cosmos imitation (Node, a free
 * port) and the official Firestore emulator (a JVM of its own, a free port). Neither is the cloud
 * service: their timings say nothing about it; the request counts are what the stores send anywhere.
 */
final class EmulatedStores {

    /** The imitation's files, relative to the repository root, where scripts/bench runs. */
    private static final Path COSMOS_IMITATION = Path.of("azure-functions", "src", "test", "cosmos-emulator");

    static {
        // The imitation serves TLS with a self-signed, expired certificate (azure-functions README);
        // read by the SDK's configuration when its first class loads.
        System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
    }

    private EmulatedStores() {
    }

    /** A fresh imitation, database and containers, the client as the functions build it (gateway mode). */
    static StoreUnderTest cosmos() {
        CosmosImitation.Server imitation = launchCosmosImitation();
        CosmosRequestCounter requests = new CosmosRequestCounter();
        CosmosClient client = CosmosImitation.builder(imitation.endpoint())
                .clientTelemetryConfig(new CosmosClientTelemetryConfig().diagnosticsHandler(requests))
                .buildClient();
        CosmosStoreOptions options = CosmosStoreOptions.defaults("foldline-bench");
        CosmosContainers.createIfMissing(client, options);
        CosmosEventStore cosmos = new CosmosEventStore(client, options, Tracer.NOOP);
        return new StoreUnderTest("CosmosEventStore", new CountingEventStore(cosmos), Optional.of(requests), () -> {
            client.close();
            imitation.close();
        });
    }

    /** A fresh emulator; the client on a plaintext channel whose interceptor counts the RPCs. */
    static StoreUnderTest firestore() {
        FirestoreEmulator emulator = FirestoreEmulator.start();
        GrpcRequestCounter requests = new GrpcRequestCounter();
        Firestore db = emulator.client(requests);
        FirestoreEventStore firestore = new FirestoreEventStore(db, FirestoreStoreOptions.defaults());
        return new StoreUnderTest("FirestoreEventStore", new CountingEventStore(firestore), Optional.of(requests), () -> {
            db.close();
            emulator.close();
        });
    }

    private static CosmosImitation.Server launchCosmosImitation() {
        try {
            return CosmosImitation.launch(COSMOS_IMITATION.toAbsolutePath(), Path.of("benchmarks", "target").toAbsolutePath());
        } catch (Exception e) {
            throw new IllegalStateException("the Cosmos imitation did not start", e);
        }
    }
}
