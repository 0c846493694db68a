package dev.foldline.gcp;

import dev.foldline.app.RebuildCommand;
import java.io.PrintStream;
import java.util.List;

/**
 * Rebuilds a projection, or feeds a new handler everything that happened, on the Firestore
 * database the functions use (the functions' settings and Google credentials in the environment):
 * an operator's command, run with the function package on the class path. See {@link
 * RebuildCommand} for the arguments and the README for the command line.
 */
public final class RebuildMain {

    private RebuildMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), GcpRuntime.fromEnvironment(System.getenv()), System.out));
    }

    static int run(List<String> args, GcpRuntime runtime, PrintStream out) {
        return RebuildCommand.run(args, runtime.store(), runtime.applications(), runtime, out);
    }
}
