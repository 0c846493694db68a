package dev.foldline.bench.sbs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The two sides of the run, each driven in a fresh process of its own per measurement. */
public enum Side {

    FOLDLINE("foldline") {
        @Override
        List<String> command(SideBySideConfig config, URI endpoint, int clients, String runId) {
            List<String> command = new ArrayList<>();
            command.add(JavaCommand.java());
            command.addAll(config.jvmFlags());
            command.addAll(List.of("-cp", JavaCommand.classPath(), FoldlineDriver.class.getName()));
            command.addAll(arguments(config, endpoint, clients, runId));
            return command;
        }
    },

    ORIGINAL("original") {
        @Override
        List<String> command(SideBySideConfig config, URI endpoint, int clients, String runId) {
            List<String> command = new ArrayList<>(List.of(config.node(),
                    config.originalFolder().resolve("driver.js").toString()));
            command.addAll(arguments(config, endpoint, clients, runId));
            return command;
        }
    };

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    abstract List<String> command(SideBySideConfig config, URI endpoint, int clients, String runId);

    /** Runs one measurement and returns what the driver printed; its errors go to this process's stderr. */
    public Figures run(SideBySideConfig config, URI endpoint, long serverPid, int clients, String runId) {
        ProcessBuilder builder = new ProcessBuilder(command(config, endpoint, clients, runId))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(ProcessCpu.SERVER_PID, Long.toString(serverPid));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(label + " driver exited with " + exit + " (" + runId + ")");
            }
            return Figures.parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run the " + label + " driver", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the " + label + " driver ran", e);
        }
    }

    private static List<String> arguments(SideBySideConfig config, URI endpoint, int clients, String runId) {
        return List.of(endpoint.toString(), Integer.toString(clients), Integer.toString(config.warmup()),
                Integer.toString(config.commands()), runId);
    }
}
