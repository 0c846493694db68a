package dev.foldline.aws.lambdaruntime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The runtime's context: hooks are held weakly (a hook nobody keeps is dropped, as on Lambda) and
 * called in the order of registration after a restore, in the reverse order before a checkpoint;
 * every failure is collected into one exception, after all hooks ran.
 */
public final class GlobalContext extends Context<Resource> {

    private final Map<Resource, Long> hooks = new WeakHashMap<>();
    private long registrations;

    @Override
    public synchronized void register(Resource resource) {
        hooks.put(resource, ++registrations);
    }

    /** Forgets every hook: each test is an environment of its own, as each Lambda environment is. */
    public synchronized void reset() {
        hooks.clear();
    }

    /** How many hooks were ever registered: a weakly held hook may be gone, its registration counts. */
    public synchronized long registrations() {
        return registrations;
    }

    @Override
    public synchronized void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
        List<Resource> lastFirst = new ArrayList<>(inRegistrationOrder());
        Collections.reverse(lastFirst);
        notifyEach(lastFirst, hook -> hook.beforeCheckpoint(this), new CheckpointException());
    }

    @Override
    public synchronized void afterRestore(Context<? extends Resource> context) throws RestoreException {
        notifyEach(inRegistrationOrder(), hook -> hook.afterRestore(this), new RestoreException());
    }

    private interface Notification {
        void send(Resource hook) throws Exception;
    }

    /** Notifies every hook, even after one failed, then throws {@code failures} if any did. */
    private static <E extends Exception> void notifyEach(List<Resource> hooks, Notification notification, E failures)
            throws E {
        for (Resource hook : hooks) {
            try {
                notification.send(hook);
            } catch (Exception e) {
                failures.addSuppressed(e);
            }
        }
        if (failures.getSuppressed().length > 0) {
            throw failures;
        }
    }

    private List<Resource> inRegistrationOrder() {
        List<Map.Entry<Resource, Long>> live = new ArrayList<>(hooks.entrySet());
        live.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        return live.stream().map(Map.Entry::getKey).toList();
    }
}
