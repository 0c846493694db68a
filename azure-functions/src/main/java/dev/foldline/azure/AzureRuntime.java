package dev.foldline.azure;

import dev.foldline.app.Application;
import dev.foldline.app.Applications;
import dev.foldline.app.Assembly;
import dev.foldline.app.FunctionSettings;
import dev.foldline.azure.cosmos.CosmosClients;
import dev.foldline.azure.cosmos.CosmosContainers;
import dev.foldline.azure.cosmos.CosmosEventStore;
import dev.foldline.azure.cosmos.CosmosStoreOptions;
import dev.foldline.store.EventStore;
import dev.foldline.trace.Tracer;
import java.util.List;
import java.util.Map;

/**
 * What the functions of one host process share, built once: the Cosmos client and store from the
 * app settings, and the applications {@link Assembly} builds from them. The Functions host may
 * create a function class per invocation, so the no-argument constructors take {@link #shared()}.
 */
public record AzureRuntime(EventStore store, Applications applications, Map<String, String> env)
        implements FunctionSettings {

    /** The scope of the change-feed function's projection progress (and so of the parked sweep). */
    public static final String DEFAULT_SCOPE = "cosmos-change-feed";
    /** {@code true}: create the database and containers at start-up if missing (else the deployment does). */
    public static final String CREATE_CONTAINERS = "FOLDLINE_COSMOS_CREATE_CONTAINERS";

    /** {@code on}: commands, loads and commits (with their request units) and handler calls are logged. */
    public static final String TRACE = "FOLDLINE_TRACE";

    private static AzureRuntime shared;

    public AzureRuntime {
        env = Map.copyOf(env);
    }

    public static synchronized AzureRuntime shared() {
        if (shared == null) {
            shared = fromEnvironment(System.getenv());
        }
        return shared;
    }

    public static AzureRuntime fromEnvironment(Map<String, String> env) {
        var client = CosmosClients.fromEnvironment(env);
        CosmosStoreOptions options = CosmosStoreOptions.fromEnvironment(env);
        if ("true".equalsIgnoreCase(env.getOrDefault(CREATE_CONTAINERS, "false").trim())) {
            CosmosContainers.createIfMissing(client, options);
        }
        EventStore store = new CosmosEventStore(client, options, Tracer.fromSetting(env.get(TRACE)));
        return new AzureRuntime(store, Assembly.fromSettings(env, store, AzureRuntime.class.getClassLoader()), env);
    }

    /** The given applications only (tests), wired to the store. */
    public static AzureRuntime of(EventStore store, List<? extends Application> applications, Map<String, String> env) {
        return new AzureRuntime(store, Assembly.of(store, applications), env);
    }

    @Override
    public String defaultProjectionScope() {
        return DEFAULT_SCOPE;
    }
}
