package dev.foldline.projection;

import com.google.gson.JsonObject;

/**
 * A rebuild's own cursor: which run it belongs to, whether the handler was reset, where in the
 * tenant's commit order the replay stands, and what it did so far (for the progress report).
 *
 * @param run         the id of the rebuild (the marker's value): a cursor of another run is stale
 * @param reset       whether the handler's progress and read model were cleared for this run
 * @param position    the store's read position after the last page replayed; null for the start
 * @param read        envelopes replayed
 * @param applied     envelopes the handler reacted to
 * @param activeMillis time spent replaying, summed over the steps (what the rate is measured on)
 * @param done        whether the rebuild handed over to the live feed
 * @param resetAfter  when (epoch millis) the handler may be reset: once every live delivery that
 *                    began before the mark has ended
 * @param revision    the cursor key's revision, for the next compare-and-set
 */
record RebuildCursor(String run, boolean reset, String position, long read, long applied, long activeMillis,
                     boolean done, long resetAfter, long revision) {

    static RebuildCursor fresh(String run, long resetAfter, long revision) {
        return new RebuildCursor(run, false, null, 0, 0, 0, false, resetAfter, revision);
    }

    RebuildCursor afterReset() {
        return new RebuildCursor(run, true, position, read, applied, activeMillis, done, resetAfter, revision);
    }

    RebuildCursor after(String nextPosition, int pageRead, int pageApplied, long millis) {
        return new RebuildCursor(run, reset, nextPosition, read + pageRead, applied + pageApplied,
                activeMillis + millis, done, resetAfter, revision);
    }

    RebuildCursor handedOver(int appliedOnHandover, long millis) {
        return new RebuildCursor(run, reset, position, read, applied + appliedOnHandover, activeMillis + millis, true,
                resetAfter, revision);
    }

    RebuildCursor withRevision(long newRevision) {
        return new RebuildCursor(run, reset, position, read, applied, activeMillis, done, resetAfter, newRevision);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("run", run);
        json.addProperty("reset", reset);
        if (position != null) {
            json.addProperty("position", position);
        }
        json.addProperty("read", read);
        json.addProperty("applied", applied);
        json.addProperty("activeMillis", activeMillis);
        json.addProperty("done", done);
        json.addProperty("resetAfter", resetAfter);
        return json;
    }

    static RebuildCursor fromJson(JsonObject json, long revision) {
        return new RebuildCursor(json.get("run").getAsString(), json.get("reset").getAsBoolean(),
                json.has("position") ? json.get("position").getAsString() : null, json.get("read").getAsLong(),
                json.get("applied").getAsLong(), json.get("activeMillis").getAsLong(), json.get("done").getAsBoolean(),
                json.get("resetAfter").getAsLong(), revision);
    }
}
