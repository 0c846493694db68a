package dev.foldline.bench.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How to run one cloud's probe in a fresh JVM: the probe class, the cloud's shipped artifact as the
 * class path (the probe's own classes first), the JVM options and the settings its deployment
 * gives the function. The probe's stderr goes to {@code cold-start-<cloud>.log}.
 */
record ProbeCommand(String cloud, Class<?> probe, List<Path> artifact, List<String> jvmOptions,
                    Map<String, String> env) {

    private static final long TIMEOUT_SECONDS = 180;

    ColdStartRun run(String mode, Path logs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(probe.getName());
        command.add(mode);
        Path log = logs.resolve("cold-start-" + cloud + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(cloud + " " + mode + " probe did not end; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(cloud + " " + mode + " probe failed (" + out + "); see " + log);
        }
        ColdStartRun run = ColdStartRun.parse(out);
        // The probe names its platform; this command may be a second artifact of the same one.
        return new ColdStartRun(cloud, run.mode(), run.builtMillis(), run.firstAnswerMillis(), run.cpuMillis());
    }

    private String classPath() {
        List<String> entries = new ArrayList<>();
        entries.add(ownClasses().toString());
        artifact.forEach(path -> entries.add(path.toAbsolutePath().toString()));
        return String.join(File.pathSeparator, entries);
    }

    /** Where the probe classes were loaded from (benchmarks/target/classes). */
    private Path ownClasses() {
        try {
            return Path.of(probe.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one file in {@code folder} matching {@code glob}; a missing build is named. */
    static Path only(Path folder, String glob) {
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
            files.forEach(matches::add);
        } catch (IOException e) {
            throw new UncheckedIOException(folder + " is missing: build with scripts/bench-cold-start-functions", e);
        }
        if (matches.size() != 1) {
            throw new IllegalStateException("expected one " + glob + " in " + folder + ", found " + matches);
        }
        return matches.get(0);
    }

    /** The jar of {@code artifactId} on a class path written by maven-dependency-plugin. */
    static Path fromClassPath(Path classPathFile, String artifactId) {
        try (Stream<String> entries = Arrays.stream(Files.readString(classPathFile).trim().split(File.pathSeparator))) {
            return entries.map(Path::of)
                    .filter(path -> path.getFileName().toString().startsWith(artifactId + "-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(artifactId + " is not on " + classPathFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
