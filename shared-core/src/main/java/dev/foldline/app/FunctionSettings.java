package dev.foldline.app;

import dev.foldline.command.CommandHandler;
import dev.foldline.trace.Tracer;
import java.util.Map;

/**
 * The settings every cloud's functions read the same way, from the environment their runtime was
 * built from: written once here, so that each cloud's runtime only says where its store is and
 * under which scope its projection function keeps progress.
 */
public interface FunctionSettings {

    /** Projection progress of the change-feed function, and so of its parked-failure sweep. */
    String PROJECTION_SCOPE = "FOLDLINE_PROJECTION_SCOPE";

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

    /** What commands, loads, commits and handler calls report to ({@code FOLDLINE_TRACE=on} logs them). */
    default Tracer tracer() {
        return Tracer.fromSetting(env().get("FOLDLINE_TRACE"));
    }

    /** The command handler's options: the tracer, and the settings every runtime reads for it. */
    default CommandHandler.Options commandOptions() {
        return CommandHandler.Options.defaults().withTracer(tracer()).withSettings(env());
    }
}
