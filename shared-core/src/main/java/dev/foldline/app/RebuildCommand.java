package dev.foldline.app;

import dev.foldline.errors.FoldlineException;
import dev.foldline.json.Json;
import dev.foldline.projection.AllTenantsRebuild;
import dev.foldline.projection.ProjectionRebuild;
import dev.foldline.projection.Projector;
import dev.foldline.projection.RebuildProgress;
import dev.foldline.projection.Rebuilds;
import dev.foldline.store.EventStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rebuild as a command line, for an operator with the cloud's credentials: each cloud's
 * {@code RebuildMain} builds its runtime from the environment, as its functions do, and hands the
 * arguments here. It runs steps until the rebuild is done, printing the progress of each; stopped
 * (Ctrl-C, a lost connection), it resumes where it stopped when run again.
 *
 * <pre>
 * HANDLER --tenant TENANT | --all-tenants  [--page-size N] [--pages-per-step N]
 * </pre>
 */
public final class RebuildCommand {

    public static final String USAGE = "usage: HANDLER (--tenant TENANT | --all-tenants) [--page-size N] "
            + "[--pages-per-step N]";
    /** Exit codes: done, a handler failed (fix it and run again to resume), bad arguments or no such handler. */
    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE_ERROR = 2;

    private static final int DEFAULT_PAGES_PER_STEP = 20;

    private RebuildCommand() {
    }

    /**
     * Runs the rebuild the arguments ask for on a cloud's runtime: its handlers, applied by the
     * projector its change-feed function builds, under that function's scope; returns the exit code.
     */
    public static int run(List<String> args, EventStore store, Applications applications, FunctionSettings settings,
                          PrintStream out) {
        Projector projector = new Projector(store, Projector.DEFAULT_ATTEMPTS, settings.tracer());
        Rebuilds rebuilds = Rebuilds.of(store, settings.projectionScope(), projector, applications.handlers())
                .withGrace(settings.rebuildGrace(), Clock.systemUTC());
        return run(args, rebuilds, out, Thread::sleep);
    }

    /** Waits, between steps, for a rebuild's grace period to pass. */
    @FunctionalInterface
    public interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    /** Runs the rebuild the arguments ask for; returns the exit code. */
    public static int run(List<String> args, Rebuilds rebuilds, PrintStream out, Pause pause) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            out.println("handlers: " + String.join(", ", rebuilds.handlers()));
            return USAGE_ERROR;
        }
        try {
            while (true) {
                Map<String, Object> summary;
                RebuildProgress.Stage stage;
                long wait;
                if (parsed.tenant() == null) {
                    AllTenantsRebuild.Progress progress = rebuilds.inAllTenants(parsed.handler(), parsed.pageSize(),
                            parsed.pagesPerStep());
                    summary = progress.summary();
                    stage = progress.stage();
                    wait = progress.waitMillis();
                } else {
                    RebuildProgress progress = rebuilds.inTenant(parsed.handler(), parsed.tenant(), parsed.pageSize(),
                            parsed.pagesPerStep());
                    summary = progress.summary();
                    stage = progress.stage();
                    wait = progress.waitMillis();
                }
                out.println(Json.write(summary));
                if (stage != RebuildProgress.Stage.RUNNING) {
                    return stage == RebuildProgress.Stage.DONE ? DONE : FAILED;
                }
                if (wait > 0) {
                    out.println("waiting " + (wait + 999) / 1000 + " s for live deliveries that began before the "
                            + "rebuild to end (" + FunctionSettings.REBUILD_GRACE + ")");
                    pause.sleep(wait);
                }
            }
        } catch (FoldlineException e) {
            out.println(e.getMessage());
            return USAGE_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("interrupted: run it again to resume");
            return FAILED;
        }
    }

    /** The parsed arguments; {@code tenant} is null for every tenant. */
    record Arguments(String handler, String tenant, int pageSize, int pagesPerStep) {

        static Arguments parse(List<String> args) {
            List<String> rest = new ArrayList<>(args);
            if (rest.isEmpty() || rest.get(0).startsWith("--")) {
                throw new IllegalArgumentException("name the handler to rebuild first");
            }
            String handler = rest.remove(0);
            String tenant = null;
            boolean all = false;
            int pageSize = ProjectionRebuild.DEFAULT_PAGE_SIZE;
            int pages = DEFAULT_PAGES_PER_STEP;
            while (!rest.isEmpty()) {
                String option = rest.remove(0);
                switch (option) {
                    case "--all-tenants" -> all = true;
                    case "--tenant" -> tenant = value(option, rest);
                    case "--page-size" -> pageSize = positive(option, value(option, rest));
                    case "--pages-per-step" -> pages = positive(option, value(option, rest));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (all == (tenant != null)) {
                throw new IllegalArgumentException("give either --tenant TENANT or --all-tenants");
            }
            if (tenant != null && tenant.isBlank()) {
                throw new IllegalArgumentException("--tenant needs a tenant");
            }
            return new Arguments(handler, tenant, pageSize, pages);
        }

        private static String value(String option, List<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return rest.remove(0);
        }

        private static int positive(String option, String text) {
            try {
                int value = Integer.parseInt(text);
                if (value >= 1) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException(option + " must be a whole number of at least 1, not " + text);
        }
    }
}
