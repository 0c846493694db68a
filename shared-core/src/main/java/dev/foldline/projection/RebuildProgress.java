package dev.foldline.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a rebuild of one handler stands, after a step or when asked.
 *
 * @param tenant       the tenant rebuilt (for a rebuild of all tenants: the one it stopped in)
 * @param handler      the handler's name
 * @param stage        running (call again), done (handed over to the live feed) or failed
 * @param position     the store's read position the next step resumes from (null: the start)
 * @param read         envelopes replayed so far, in commit order
 * @param applied      envelopes the handler reacted to
 * @param pages        pages read by this step
 * @param activeMillis time spent replaying so far, summed over the steps
 * @param waitMillis   how long until the handler may be reset, while live deliveries that began
 *                     before the rebuild may still run (0 once it was reset); run again after it
 * @param failures     what stopped a failed rebuild: fix the handler and run the rebuild again to
 *                     resume where it stopped
 */
public record RebuildProgress(String tenant, String handler, Stage stage, String position, long read, long applied,
                              int pages, long activeMillis, long waitMillis, List<HandlerFailure> failures) {

    public enum Stage { RUNNING, DONE, FAILED }

    public RebuildProgress {
        Objects.requireNonNull(stage, "stage");
        failures = List.copyOf(failures);
    }

    static RebuildProgress of(String tenant, String handler, Stage stage, RebuildCursor cursor, int pages,
                              List<HandlerFailure> failures) {
        return new RebuildProgress(tenant, handler, stage, cursor.position(), cursor.read(), cursor.applied(), pages,
                cursor.activeMillis(), 0, failures);
    }

    static RebuildProgress waiting(String tenant, String handler, long waitMillis) {
        return new RebuildProgress(tenant, handler, Stage.RUNNING, null, 0, 0, 0, 0, waitMillis, List.of());
    }

    /** A tenant with nothing to rebuild: newer than the rebuild of every tenant, its live feed built it. */
    static RebuildProgress nothingToDo(String tenant, String handler) {
        return new RebuildProgress(tenant, handler, Stage.DONE, null, 0, 0, 0, 0, 0, List.of());
    }

    public boolean done() {
        return stage == Stage.DONE;
    }

    /** Envelopes replayed per second of replaying (0 before the first page). */
    public double rate() {
        return activeMillis == 0 ? 0 : read * 1000.0 / activeMillis;
    }

    /** The report as a JSON-ready map, for an endpoint's answer or a function's result. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tenant", tenant);
        summary.put("handler", handler);
        summary.put("stage", stage.name().toLowerCase(Locale.ROOT));
        summary.put("read", read);
        summary.put("applied", applied);
        summary.put("pages", pages);
        summary.put("position", position);
        summary.put("envelopesPerSecond", Math.round(rate() * 10) / 10.0);
        if (waitMillis > 0) {
            summary.put("waitSeconds", (waitMillis + 999) / 1000);
        }
        summary.put("failures", failures.stream().map(HandlerFailure::description).toList());
        return summary;
    }
}
