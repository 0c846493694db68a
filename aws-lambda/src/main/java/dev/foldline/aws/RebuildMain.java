package dev.foldline.aws;

import dev.foldline.app.RebuildCommand;
import java.io.PrintStream;
import java.util.List;

/**
 * Rebuilds a projection, or feeds a new handler everything that happened, on the DynamoDB table
 * the functions use (FOLDLINE_TABLE and the AWS region and credentials of the environment): an
 * operator's command, run with the function package on the class path. See {@link RebuildCommand}
 * for the arguments and the README for the command line.
 */
public final class RebuildMain {

    private RebuildMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), AwsRuntime.fromEnvironment(System.getenv()), System.out));
    }

    static int run(List<String> args, AwsRuntime runtime, PrintStream out) {
        return RebuildCommand.run(args, runtime.store(), runtime.applications(), runtime, out);
    }
}
