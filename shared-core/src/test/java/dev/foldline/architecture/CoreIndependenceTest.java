package dev.foldline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core stays framework-free: it imports no cloud SDK and depends on nothing but gson. */
class CoreIndependenceTest {

    private static final List<String> FORBIDDEN = List.of(
            "software.amazon", "com.amazonaws", "com.azure", "com.microsoft.azure", "com.google.cloud",
            "com.google.events", "com.google.protobuf", "io.grpc", "io.cloudevents", "io.netty",
            "org.springframework", "jakarta.", "javax.servlet", "java.sql",
            // Tokens are verified in jwt-verifier; the core only maps verified claims.
            "com.nimbusds");

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void no_core_source_imports_a_cloud_sdk_or_framework() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(CoreIndependenceTest::imports)
                    .filter(imported -> FORBIDDEN.stream().anyMatch(imported::startsWith))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void the_only_compile_or_runtime_dependency_is_gson() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String main = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(main);
        List<String> runtime = dependency.results()
                .map(m -> m.group(1))
                .filter(d -> !d.contains("<scope>test</scope>"))
                .map(d -> d.replaceAll("(?s).*<artifactId>(.*?)</artifactId>.*", "$1"))
                .toList();
        assertThat(runtime).containsExactly("gson");
    }

    @Test
    void no_cloud_sdk_class_is_on_the_core_test_classpath() {
        for (String name : List.of("software.amazon.awssdk.core.SdkClient", "com.azure.cosmos.CosmosClient",
                "com.google.cloud.firestore.Firestore", "com.nimbusds.jwt.SignedJWT")) {
            assertThat(isLoadable(name)).as(name).isFalse();
        }
    }

    private static boolean isLoadable(String name) {
        try {
            Class.forName(name, false, CoreIndependenceTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Stream<String> imports(Path file) {
        try {
            return IMPORT.matcher(Files.readString(file)).results().map(m -> m.group(2));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
