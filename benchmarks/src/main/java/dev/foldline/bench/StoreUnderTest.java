package dev.foldline.bench;

import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.aws.dynamodb.DynamoDbTables;
import dev.foldline.local.sqlite.SqliteEventStore;
import dev.foldline.store.MemoryEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real store wrapped in a call counter, with what it needs to run (a temp folder, DynamoDB
 * Local) and to be cleaned up afterwards.
 */
public final class StoreUnderTest implements AutoCloseable {

    public static final String MEMORY = "memory";
    public static final String SQLITE = "sqlite";
    public static final String DYNAMODB = "dynamodb";
    public static final String DYNAMODB_URL = "dynamodb-url";
    public static final String DYNAMODB_APACHE = "dynamodb-apache";
    public static final String COSMOS = "cosmos";
    public static final String FIRESTORE = "firestore";

    private final String name;
    private final CountingEventStore store;
    private final Optional<? extends RequestCounts> sdkRequests;
    private final AutoCloseable resources;

    StoreUnderTest(String name, CountingEventStore store, Optional<? extends RequestCounts> sdkRequests,
                           AutoCloseable resources) {
        this.name = name;
        this.store = store;
        this.sdkRequests = sdkRequests;
        this.resources = resources;
    }

    public static StoreUnderTest open(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case MEMORY -> memory();
            case SQLITE -> sqlite();
            case DYNAMODB -> dynamoDb();
            case DYNAMODB_URL -> dynamoDb("url-connection client", UrlConnectionHttpClient.create());
            case DYNAMODB_APACHE -> dynamoDb("apache client", ApacheHttpClient.create());
            case COSMOS -> EmulatedStores.cosmos();
            case FIRESTORE -> EmulatedStores.firestore();
            default -> throw new IllegalArgumentException("unknown store " + name + "; use "
                    + String.join(", ", MEMORY, SQLITE, DYNAMODB, DYNAMODB_URL, DYNAMODB_APACHE, COSMOS, FIRESTORE));
        };
    }

    public static StoreUnderTest memory() {
        return new StoreUnderTest("MemoryEventStore", new CountingEventStore(new MemoryEventStore()),
                Optional.empty(), () -> { });
    }

    /** A fresh database file in a temp folder, deleted afterwards. */
    public static StoreUnderTest sqlite() {
        Path folder = createTempFolder();
        SqliteEventStore sqlite = SqliteEventStore.openIn(folder);
        return new StoreUnderTest("SqliteEventStore", new CountingEventStore(sqlite), Optional.empty(), () -> {
            sqlite.close();
            deleteRecursively(folder);
        });
    }

    /** A fresh DynamoDB Local server and table with the production layout, stopped afterwards. */
    public static StoreUnderTest dynamoDb() {
        return dynamoDb(null, Apache5HttpClient.create());
    }

    /** The same, on another of the SDK's HTTP clients (named in the results), to compare with the shipped one. */
    public static StoreUnderTest dynamoDb(String clientName, SdkHttpClient httpClient) {
        LocalDynamoDbServer server = LocalDynamoDbServer.start();
        SdkRequestCounter requests = new SdkRequestCounter();
        DynamoDbClient client = server.client(requests, httpClient);
        String table = "foldline-bench";
        DynamoDbTables.create(client, table);
        DynamoDbEventStore dynamo = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(table));
        String name = clientName == null ? "DynamoDbEventStore" : "DynamoDbEventStore (" + clientName + ")";
        return new StoreUnderTest(name, new CountingEventStore(dynamo), Optional.of(requests), () -> {
            client.close();
            server.close();
        });
    }

    public String name() {
        return name;
    }

    public CountingEventStore store() {
        return store;
    }

    /** Real HTTP requests, for stores that send any. */
    public Optional<? extends RequestCounts> sdkRequests() {
        return sdkRequests;
    }

    public void resetCounters() {
        store.reset();
        sdkRequests.ifPresent(RequestCounts::reset);
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }

    private static Path createTempFolder() {
        try {
            return Files.createTempDirectory("foldline-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
