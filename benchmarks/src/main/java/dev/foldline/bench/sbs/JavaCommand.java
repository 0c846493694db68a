package dev.foldline.bench.sbs;

import java.nio.file.Path;

/** How to start another JVM like this one: the same java and class path. */
final class JavaCommand {

    private JavaCommand() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classPath() {
        return System.getProperty("java.class.path");
    }
}
