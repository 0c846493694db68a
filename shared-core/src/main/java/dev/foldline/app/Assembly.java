package dev.foldline.app;

import dev.foldline.examples.ExamplesApplication;
import dev.foldline.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * How every runtime (local, AWS, Azure, Google Cloud) builds what it serves, from its settings
 * (environment variables): the applications listed for {@link ServiceLoader} under
 * {@code META-INF/services/dev.foldline.app.Application}, plus the {@link ExamplesApplication}
 * unless {@value #EXAMPLES} is {@code off}; each {@link StoreAware} one is handed the store before
 * anything else sees it; then they are merged into {@link Applications}.
 */
public final class Assembly {

    /** {@code on} (the default) or {@code off}: whether the example application is served. */
    public static final String EXAMPLES = "FOLDLINE_EXAMPLES";

    private Assembly() {
    }

    public static Applications fromSettings(Map<String, String> settings, EventStore store, ClassLoader classLoader) {
        List<Application> applications = new ArrayList<>();
        if (examples(settings)) {
            applications.add(new ExamplesApplication());
        }
        ServiceLoader.load(Application.class, classLoader).forEach(applications::add);
        return of(store, applications);
    }

    /** The given applications only (no discovery, no examples), wired to the store. */
    public static Applications of(EventStore store, List<? extends Application> applications) {
        for (Application application : applications) {
            if (application instanceof StoreAware aware) {
                aware.useStore(store);
            }
        }
        return Applications.of(applications);
    }

    /** Whether the settings ask for the example application; a value other than on/off is refused. */
    public static boolean examples(Map<String, String> settings) {
        String value = settings.get(EXAMPLES);
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(EXAMPLES + " must be on or off, not " + value.trim());
        };
    }
}
