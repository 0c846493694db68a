package dev.foldline.azure;

import dev.foldline.app.RebuildCommand;
import java.io.PrintStream;
import java.util.List;

/**
 * Rebuilds a projection, or feeds a new handler everything that happened, on the Cosmos DB
 * containers the functions use (the functions' Cosmos settings in the environment): an operator's
 * command, run with the function package on the class path. See {@link RebuildCommand} for the
 * arguments and the README for the command line.
 */
public final class RebuildMain {

    private RebuildMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), AzureRuntime.fromEnvironment(System.getenv()), System.out));
    }

    static int run(List<String> args, AzureRuntime runtime, PrintStream out) {
        return RebuildCommand.run(args, runtime.store(), runtime.applications(), runtime, out);
    }
}
