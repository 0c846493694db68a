package dev.foldline.gcp;

import dev.foldline.app.Application;
import dev.foldline.app.Applications;
import dev.foldline.app.Assembly;
import dev.foldline.app.FunctionSettings;
import dev.foldline.gcp.firestore.FirestoreClients;
import dev.foldline.gcp.firestore.FirestoreEventStore;
import dev.foldline.gcp.firestore.FirestoreStoreOptions;
import dev.foldline.store.EventStore;
import java.util.List;
import java.util.Map;

/**
 * What both functions build once per instance: the one Firestore client and the store from the
 * environment, and the applications {@link Assembly} builds from it.
 */
public record GcpRuntime(EventStore store, Applications applications, Map<String, String> env)
        implements FunctionSettings {

    /** Projection progress of the Firestore-triggered function is kept under this scope by default. */
    public static final String DEFAULT_SCOPE = "firestore-trigger";

    public GcpRuntime {
        env = Map.copyOf(env);
    }

    public static GcpRuntime fromEnvironment(Map<String, String> env) {
        EventStore store = new FirestoreEventStore(FirestoreClients.fromEnvironment(env),
                FirestoreStoreOptions.fromEnvironment(env));
        return new GcpRuntime(store, Assembly.fromSettings(env, store, GcpRuntime.class.getClassLoader()), env);
    }

    /** The given applications only (tests), wired to the store. */
    public static GcpRuntime of(EventStore store, List<? extends Application> applications, Map<String, String> env) {
        return new GcpRuntime(store, Assembly.of(store, applications), env);
    }

    @Override
    public String defaultProjectionScope() {
        return DEFAULT_SCOPE;
    }
}
