package dev.foldline.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of a Markdown text, for tests that run what a README shows. */
public final class MarkdownBlocks {

    private MarkdownBlocks() {
    }

    /** The contents of the blocks fenced with one of the given languages ({@code ```java}), in order. */
    public static List<String> of(String markdown, String... languages) {
        Pattern fence = Pattern.compile("(?ms)^```(?:" + String.join("|", languages) + ")\\n(.*?)^```$");
        List<String> blocks = new ArrayList<>();
        Matcher block = fence.matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
