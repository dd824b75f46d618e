package dev.flagrunner.expression;

/**
 * Quotes server text inside error messages: at most {@value #MAX_CHARS} characters, control and
 * non-ASCII characters escaped (a tab as backslash-t, an e-acute as backslash-u00e9), so a hostile payload can neither flood a
 * log line nor forge one.
 */
final class Snippet {

    static final int MAX_CHARS = 20;

    private Snippet() {}

    /** {@code 'text'} for {@code source[start, end)}, cut to {@value #MAX_CHARS} characters with "…". */
    static String quote(String source, int start, int end) {
        int shownEnd = Math.min(end, start + MAX_CHARS);
        StringBuilder quoted = new StringBuilder(shownEnd - start + 8).append('\'');
        for (int i = start; i < shownEnd; i++) {
            appendEscaped(quoted, source.charAt(i));
        }
        if (shownEnd < end) {
            quoted.append('…');
        }
        return quoted.append('\'').toString();
    }

    /** {@code 'c'} for one character, escaped like {@link #quote}. */
    static String quote(char c) {
        StringBuilder quoted = new StringBuilder(10).append('\'');
        appendEscaped(quoted, c);
        return quoted.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\\' -> out.append("\\\\");
            case '\'' -> out.append("\\'");
            default -> {
                if (c >= 0x20 && c < 0x7f) {
                    out.append(c);
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
    }
}
