package dev.foldline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.store.EventStore;
import dev.foldline.store.MemoryEventStore;
import dev.foldline.testing.MarkdownBlocks;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root README's Java examples compile against the core as it is, and run on the in-memory
 * store, so the walkthrough cannot fall behind the API. All blocks go into one class, in order: a block's type declarations become
 * the class's members (so a later block may use an earlier block's records, as a reader does), its
 * statements the body of a method of its own. The names a reader brings, an event store
 * {@code store} and a map {@code counts}, are that method's parameters. A block with an elision
 * line ({@code ...}) is an outline and is not compiled.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern DECLARATION = Pattern.compile(
            "^(@|public |sealed |final |record |interface |enum |class ).*");
    private static final String CORE_PACKAGE = "dev.foldline";

    @TempDir
    Path output;

    @Test
    void the_readme_java_examples_compile_against_the_core_and_run() throws Exception {
        List<String> examples = MarkdownBlocks.of(Files.readString(README), "java").stream()
                .filter(block -> block.lines().noneMatch(line -> line.strip().equals("...")))
                .toList();
        assertThat(examples).as("README examples that are not outlines").hasSizeGreaterThanOrEqualTo(2);

        String source = program(examples);
        List<String> errors = compile(source);
        assertThat(errors).as("compiling the README's examples as\n%s", numbered(source)).isEmpty();

        Map<String, Map<String, Integer>> countsByExample = run(examples.size());
        assertThat(countsByExample.get("example1")).as("the walkthrough's counter, after its one command")
                .containsExactly(Map.entry("calc1", 1));
    }

    /** Runs each example on a store of its own; what each left in its {@code counts}, by method name. */
    private Map<String, Map<String, Integer>> run(int examples) throws Exception {
        Map<String, Map<String, Integer>> countsByExample = new HashMap<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()},
                ReadmeExamplesTest.class.getClassLoader())) {
            Class<?> type = loader.loadClass("ReadmeExamples");
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance();
            for (int i = 1; i <= examples; i++) {
                Method example = type.getDeclaredMethod("example" + i, EventStore.class, Map.class);
                example.setAccessible(true);
                Map<String, Integer> counts = new HashMap<>();
                example.invoke(instance, new MemoryEventStore(), counts);
                countsByExample.put(example.getName(), counts);
            }
        }
        return countsByExample;
    }

    private static String program(List<String> examples) throws IOException {
        StringBuilder members = new StringBuilder();
        StringBuilder methods = new StringBuilder();
        for (int i = 0; i < examples.size(); i++) {
            StringBuilder statements = new StringBuilder();
            splitInto(examples.get(i), members, statements);
            methods.append("    void example").append(i + 1)
                    .append("(EventStore store, Map<String, Integer> counts) throws Exception {\n")
                    .append(statements).append("    }\n");
        }
        return imports() + "class ReadmeExamples {\n" + members + methods + "}\n";
    }

    /** Top-level type declarations (with their annotations) to the members, everything else to the statements. */
    private static void splitInto(String block, StringBuilder members, StringBuilder statements) {
        int openBraces = 0;
        boolean inDeclaration = false;
        for (String line : block.lines().toList()) {
            if (!inDeclaration && DECLARATION.matcher(line).matches()) {
                inDeclaration = true;
            }
            if (inDeclaration) {
                members.append("    ").append(line).append('\n');
                openBraces += count(line, '{') - count(line, '}');
                inDeclaration = openBraces > 0 || line.startsWith("@") || !line.contains("}");
            } else {
                statements.append("        ").append(line).append('\n');
            }
        }
    }

    private static int count(String line, char c) {
        return (int) line.chars().filter(ch -> ch == c).count();
    }

    /** Every package of the core, as a reader of the README imports what the example names. */
    private static String imports() throws IOException {
        Path classes = classPathEntry(AggregateType.class);
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(File.separatorChar, '.'))
                    .filter(name -> name.startsWith(CORE_PACKAGE))
                    .distinct()
                    .sorted()
                    .map(name -> "import " + name + ".*;\n")
                    .collect(Collectors.joining("", "import java.time.*;\nimport java.util.*;\n", "\n"));
        }
    }

    private List<String> compile(String source) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK's compiler (not a JRE)").isNotNull();
        Path file = output.resolve("ReadmeExamples.java");
        Files.writeString(file, source);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            String classPath = classPathEntry(AggregateType.class) + File.pathSeparator + classPathEntry(Gson.class);
            List<String> options = List.of("--release", "17", "-proc:none", "-classpath", classPath,
                    "-d", output.toString());
            compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }

    private static Path classPathEntry(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String numbered(String source) {
        List<String> lines = source.lines().toList();
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            numbered.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines.get(i)));
        }
        return numbered.toString();
    }
}
