package dev.flagrunner.text;

import java.util.List;

/**
 * Quotes untrusted text (a server's line, an expression's token) for error messages, in one style wherever
 * the message comes from: at most {@code maxChars} characters between single quotes, a longer text followed
 * by its length ({@code 'abc'… (300 chars)}); tab, newline and carriage return as {@code \t}, {@code \n},
 * {@code \r}, the backslash and the quote as {@code \\} and {@code \'}, every other character outside
 * printable ASCII as {@code \}{@code uNNNN}. A quote is therefore short printable ASCII that can neither
 * flood a log line nor forge one.
 *
 * <p>Text that may carry a flag is never quoted, only described ({@link #unlessFlagLike}): a quote cut to 80
 * characters still carries most of a 64-character flag.
 *
 * @param maxChars       the most characters of the text a quote shows
 * @param flagNeighbours words a flag stands next to (a dialect's end keywords, {@code BYE}, {@code SUCC}):
 *                       text holding one, glued to other text or not, may carry a flag
 */
public record Quoter(int maxChars, List<String> flagNeighbours) {

    /** Half a flag: a run this long of word characters may be (most of) one. Shorter runs are ordinary text. */
    public static final int FLAG_LIKE_RUN = 32;
    /** Field lengths listed when text is described instead of quoted; more are summarised. */
    private static final int MAX_FIELDS_SHOWN = 8;

    public Quoter {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, not " + maxChars);
        }
        flagNeighbours = List.copyOf(flagNeighbours);
    }

    /** A quoter for text that has no flag neighbours to look for (runs of word characters still count). */
    public Quoter(int maxChars) {
        this(maxChars, List.of());
    }

    /** {@code 'text'}, or {@code 'first maxChars characters'… (length chars)}. */
    public String quote(CharSequence text) {
        return quote(text, 0, text.length());
    }

    /** The quote of {@code text[start, end)}, as {@link #quote(CharSequence)} quotes a whole text. */
    public String quote(CharSequence text, int start, int end) {
        int length = end - start;
        int shownEnd = start + Math.min(length, maxChars);
        StringBuilder out = new StringBuilder(shownEnd - start + 24).append('\'');
        for (int i = start; i < shownEnd; i++) {
            appendEscaped(out, text.charAt(i));
        }
        out.append('\'');
        if (length > maxChars) {
            out.append("… (").append(length).append(" chars)");
        }
        return out.toString();
    }

    /** {@code 'c'} for one character, escaped as in a quote. */
    public String quote(char c) {
        StringBuilder out = new StringBuilder(8).append('\'');
        appendEscaped(out, c);
        return out.append('\'').toString();
    }

    /** Whether the text holds a flag neighbour or a run of {@value #FLAG_LIKE_RUN} or more word characters. */
    public boolean mayCarryFlag(CharSequence text) {
        String s = text.toString();
        for (String neighbour : flagNeighbours) {
            if (s.contains(neighbour)) {
                return true;
            }
        }
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = isWordCharacter(s.charAt(i)) ? run + 1 : 0;
            if (run >= FLAG_LIKE_RUN) {
                return true;
            }
        }
        return false;
    }

    /**
     * The quote of the text unless it {@linkplain #mayCarryFlag may carry a flag}; such text is described by
     * its space-separated fields' lengths only: {@code not quoted (it may carry a flag): 3 fields of 14, 64, 3
     * characters}.
     */
    public String unlessFlagLike(String text) {
        return mayCarryFlag(text) ? fieldLengths(text) : quote(text);
    }

    /**
     * Describes text by its length and the classes of its characters, never by its content, for text that
     * must not be quoted at all: {@code not quoted (why): 26 characters: letters, digits, spaces,
     * punctuation}.
     */
    public static String describe(String text, String whyNotQuoted) {
        boolean letters = false;
        boolean digits = false;
        boolean spaces = false;
        boolean punctuation = false;
        boolean control = false;
        boolean nonAscii = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                letters = true;
            } else if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == ' ') {
                spaces = true;
            } else if (c > ' ' && c < 0x7f) {
                punctuation = true;
            } else if (c < ' ' || c == 0x7f) {
                control = true;
            } else {
                nonAscii = true;
            }
        }
        StringBuilder out = new StringBuilder("not quoted (")
                .append(whyNotQuoted)
                .append("): ")
                .append(text.length())
                .append(text.length() == 1 ? " character" : " characters");
        String separator = ": ";
        for (String cls : new String[] {
            letters ? "letters" : null,
            digits ? "digits" : null,
            spaces ? "spaces" : null,
            punctuation ? "punctuation" : null,
            control ? "control characters" : null,
            nonAscii ? "non-ASCII" : null
        }) {
            if (cls != null) {
                out.append(separator).append(cls);
                separator = ", ";
            }
        }
        return out.toString();
    }

    private static String fieldLengths(String text) {
        String[] fields = text.split(" ", -1);
        StringBuilder out = new StringBuilder("not quoted (it may carry a flag): ")
                .append(fields.length)
                .append(fields.length == 1 ? " field of " : " fields of ");
        int shown = Math.min(fields.length, MAX_FIELDS_SHOWN);
        for (int i = 0; i < shown; i++) {
            out.append(i == 0 ? "" : ", ").append(fields[i].length());
        }
        if (fields.length > shown) {
            out.append(", …");
        }
        return out.append(" characters").toString();
    }

    private static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
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
