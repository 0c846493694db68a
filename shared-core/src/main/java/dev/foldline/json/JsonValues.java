package dev.foldline.json;

/** Finds where a JSON value ends in text, without parsing it. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * The index just after the value that starts at {@code start}: an object or array up to its
     * matching bracket (brackets inside strings do not count), a string up to its closing quote, a
     * bare value (a number, true, NaN...) up to the next delimiter. The text's length if it does
     * not end, so a caller that checks what follows finds nothing there.
     */
    static int end(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = closingQuote(text, i);
                if (depth == 0) {
                    return Math.min(i + 1, text.length());
                }
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (depth == 0 && (c == ',' || c == ':' || Character.isWhitespace(c))) {
                return i;
            }
        }
        return text.length();
    }

    /** The index of the quote that closes the string opened at {@code open}, skipping escapes. */
    private static int closingQuote(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return text.length();
    }
}
