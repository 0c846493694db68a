package dev.foldline.gcp;

import dev.foldline.app.Application;
import dev.foldline.app.Applications;
import dev.foldline.app.StoreAware;
import dev.foldline.gcp.firestore.FirestoreClients;
import dev.foldline.gcp.firestore.FirestoreEventStore;
import dev.foldline.gcp.firestore.FirestoreStoreOptions;
import dev.foldline.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * What both functions build once per instance: the one Firestore client and the store from the
 * environment, and the applications found on the class path.
 */
public record GcpRuntime(EventStore store, Applications applications, Map<String, String> env) {

    /** Projection progress of the Firestore-triggered function is kept under this scope by default. */
    public static final String DEFAULT_SCOPE = "firestore-trigger";

    public GcpRuntime {
        env = Map.copyOf(env);
    }

    public static GcpRuntime fromEnvironment(Map<String, String> env) {
        EventStore store = new FirestoreEventStore(FirestoreClients.fromEnvironment(env),
                FirestoreStoreOptions.fromEnvironment(env));
        List<Application> found = new ArrayList<>();
        ServiceLoader.load(Application.class, GcpRuntime.class.getClassLoader()).forEach(found::add);
        return of(store, found, env);
    }

    /** Hands the store to the applications that keep state in it, then merges them. */
    public static GcpRuntime of(EventStore store, List<? extends Application> applications, Map<String, String> env) {
        for (Application application : applications) {
            if (application instanceof StoreAware aware) {
                aware.useStore(store);
            }
        }
        return new GcpRuntime(store, Applications.of(applications), env);
    }

    /** The scope of the trigger's projection progress ({@code FOLDLINE_PROJECTION_SCOPE}). */
    public String projectionScope() {
        return setting("FOLDLINE_PROJECTION_SCOPE", DEFAULT_SCOPE);
    }

    public String setting(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
