package dev.foldline.aws;

import java.time.Duration;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The SnapStart runtime hook of the command function: after Lambda resumes an environment from its
 * snapshot, and before it hands over the first invocation, one request goes to the store (the
 * function reads the priming stream: one Query on DynamoDB, nothing written, no write unit). No
 * connection survives a restore; this way the restore, not the first command, finds the pooled
 * connection dead and opens a new one, and the request path runs once after the snapshot's idle
 * time. One read, not the init's whole priming (a read and a refused put): the restore is part of
 * the first invocation's wait (Lambda counts Restore Duration into the cold start), and the refused
 * put lengthened the hook about as much as it shortened the first command, for a write unit per
 * restore (BENCHMARKS.md, 2026-12-02 07:01-07:54). Whether the hook shortens the first caller's
 * whole wait only Lambda can show: on DynamoDB Local over loopback it does not, it moves the work.
 * The restore phase is bounded (10 s on Lambda, and it fails the environment if a hook throws), so
 * the request gets {@link #BUDGET} on its own thread, and a failure is logged: the first command
 * then just pays.
 *
 * <p>Registered through the CRaC API ({@code org.crac}), which Lambda's Java runtime points at its
 * own context; on any other JVM registering does nothing.
 */
final class RestorePriming implements Resource {

    private static final System.Logger LOG = System.getLogger(RestorePriming.class.getName());

    /**
     * How long a restore waits for the priming: one request takes milliseconds, and a store that
     * answers slower than this would not be helped by waiting. The priming goes on behind.
     */
    static final Duration BUDGET = Duration.ofSeconds(2);

    private final Runnable priming;
    private final Duration budget;

    RestorePriming(Runnable priming, Duration budget) {
        this.priming = priming;
        this.budget = budget;
    }

    /**
     * Registers the hook with the runtime. Lambda's runtime holds hooks weakly: the caller keeps the
     * returned hook for as long as it wants to be primed.
     */
    static RestorePriming register(Runnable priming) {
        RestorePriming hook = new RestorePriming(priming, BUDGET);
        Core.getGlobalContext().register(hook);
        return hook;
    }

    /** Nothing: the initialisation primed already, and what the snapshot holds is what it left. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        Thread thread = new Thread(this::primeOrLog, "foldline-restore-priming");
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(budget.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "the store's priming after a restore took longer than " + budget
                    + ": the first command goes ahead without it");
        }
    }

    private void primeOrLog() {
        try {
            priming.run();
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "the store could not be primed after a restore, the first command "
                    + "will open its connection itself: " + failure);
        }
    }
}
