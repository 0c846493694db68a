package dev.foldline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The root README's "Settings" section names every environment variable that the code of any
 * module reads, so that the one table of settings cannot fall behind the code.
 */
class SettingsDocumentedTest {

    /** A setting's name as the code spells it: a literal like "FOLDLINE_TABLE", or "PORT" read from the environment. */
    private static final Pattern SETTING = Pattern.compile(
            "\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"|(?:getenv|get|getOrDefault)\\(\"([A-Z][A-Z0-9]*)\"");

    private static final Path ROOT = Path.of("..");

    @Test
    void every_setting_the_code_reads_is_in_the_readme_settings_section() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Settings");
        assertThat(start).as("README has a Settings section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);

        Set<String> read = settingsReadByTheCode();
        assertThat(read).as("settings found in the code").contains("FOLDLINE_TABLE", "PORT", "FOLDLINE_EXAMPLES");
        assertThat(read).allSatisfy(name -> assertThat(section).as(name).contains("`" + name + "`"));
    }

    private static Set<String> settingsReadByTheCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path sources : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> collect(f, names));
                }
            }
        }
        return names;
    }

    private static void collect(Path file, Set<String> names) {
        try {
            Matcher matcher = SETTING.matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_pattern_finds_literals_and_single_word_environment_reads_only() {
        String code = "env.getOrDefault(\"HOST\", \"x\"); env.get(\"FOLDLINE_TABLE\"); headers.get(\"Content-Type\");"
                + " static final String EXAMPLES = \"FOLDLINE_EXAMPLES\"; json.get(\"w\");";
        List<String> found = SETTING.matcher(code).results()
                .map(m -> m.group(1) != null ? m.group(1) : m.group(2)).toList();
        assertThat(found).containsExactly("HOST", "FOLDLINE_TABLE", "FOLDLINE_EXAMPLES");
    }
}
