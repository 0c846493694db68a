package dev.foldline.app;

import dev.foldline.command.CommandHandler;
import dev.foldline.trace.Tracer;
import java.time.Duration;
import java.util.Map;

/**
 * The settings every cloud's functions read the same way, from the environment their runtime was
 * built from: written once here, so that each cloud's runtime only says where its store is and
 * under which scope its projection function keeps progress.
 */
public interface FunctionSettings {

    /** Projection progress of the change-feed function, and so of its parked-failure sweep. */
    String PROJECTION_SCOPE = "FOLDLINE_PROJECTION_SCOPE";

    /**
     * How long a rebuild waits between marking a handler and resetting it, in seconds: the longest
     * one invocation of the change-feed function or of the sweep may run (AWS: the sweep's 300 s
     * timeout; Azure: the host's 5-minute functionTimeout).
     */
    String REBUILD_GRACE = "FOLDLINE_REBUILD_GRACE_SECONDS";
    long DEFAULT_REBUILD_GRACE_SECONDS = 300;

    /** The environment the runtime was built from. */
    Map<String, String> env();

    /** The scope of this cloud's projection function when {@value #PROJECTION_SCOPE} is not set. */
    String defaultProjectionScope();

    /** A setting, trimmed, or the fallback when it is missing or blank. */
    default String setting(String name, String fallback) {
        String value = env().get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** The scope the projection function and the parked-failure sweep share ({@value #PROJECTION_SCOPE}). */
    default String projectionScope() {
        return setting(PROJECTION_SCOPE, defaultProjectionScope());
    }

    /** The rebuild's grace period ({@value #REBUILD_GRACE}): whole seconds, 0 or more. */
    default Duration rebuildGrace() {
        String value = setting(REBUILD_GRACE, Long.toString(DEFAULT_REBUILD_GRACE_SECONDS));
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(REBUILD_GRACE + " must be whole seconds, 0 or more, not " + value);
    }

    /** What commands, loads, commits and handler calls report to ({@code FOLDLINE_TRACE=on} logs them). */
    default Tracer tracer() {
        return Tracer.fromSetting(env().get("FOLDLINE_TRACE"));
    }

    /** The command handler's options: the tracer, and the settings every runtime reads for it. */
    default CommandHandler.Options commandOptions() {
        return CommandHandler.Options.defaults().withTracer(tracer()).withSettings(env());
    }
}
