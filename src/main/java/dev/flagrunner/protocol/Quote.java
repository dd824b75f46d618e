package dev.flagrunner.protocol;

/**
 * Quotes untrusted server text for error details: at most 80 characters, control characters escaped. Only
 * text recognised as the dialect's is quoted at all; anything else is described ({@link #unrecognised}).
 */
public final class Quote {

    static final int MAX = 80;
    /** Half a flag: a run this long of word characters may be (most of) one. Shorter runs are ordinary text. */
    static final int FLAG_LIKE_RUN = 32;
    /** Field lengths listed when text is described instead of quoted; more are summarised. */
    private static final int MAX_FIELDS_SHOWN = 8;

    private Quote() {}

    public static String of(CharSequence text) {
        StringBuilder out = new StringBuilder(MAX + 8).append('\'');
        int shown = Math.min(text.length(), MAX);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (text.length() > MAX) {
            out.append("… (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * Quotes text unless it may carry a flag, that is when it holds an end keyword ({@code BYE},
     * {@code SUCC}: a flag's neighbour in any dialect, glued to other text or not) or a run of
     * {@value #FLAG_LIKE_RUN} or more word characters. Such text is described by its space-separated
     * fields' lengths only: details reach REST bodies, logs and stderr, and a quote cut to
     * {@value #MAX} characters still carries most of a 64-character flag.
     */
    public static String unlessFlagLike(String text) {
        return mayCarryFlag(text) ? shape(text) : of(text);
    }

    static boolean mayCarryFlag(String text) {
        for (Dialect.EndForm end : Dialect.EndForm.values()) {
            if (text.contains(end.keyword())) {
                return true;
            }
        }
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            run = word ? run + 1 : 0;
            if (run >= FLAG_LIKE_RUN) {
                return true;
            }
        }
        return false;
    }

    /**
     * Describes a line that is not the dialect's (it does not start with the session's class string) by its
     * length and the classes of its characters, never by its content: whatever answered may be another
     * service, and its banner or reply (an SSH banner with a password, a database's value) must not travel to
     * the caller through a failure detail. {@code not quoted (not the dialect's): 26 characters: letters,
     * digits, spaces, punctuation}.
     */
    public static String unrecognised(String text) {
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
        StringBuilder out = new StringBuilder("not quoted (not the dialect's): ").append(text.length())
                .append(text.length() == 1 ? " character" : " characters");
        String separator = ": ";
        for (String cls : new String[] {letters ? "letters" : null, digits ? "digits" : null, spaces ? "spaces" : null,
                punctuation ? "punctuation" : null, control ? "control characters" : null, nonAscii ? "non-ASCII" : null}) {
            if (cls != null) {
                out.append(separator).append(cls);
                separator = ", ";
            }
        }
        return out.toString();
    }

    /** {@code not quoted (it may carry a flag): 3 fields of 14, 64, 3 characters}. */
    private static String shape(String text) {
        String[] fields = text.split(" ", -1);
        StringBuilder out = new StringBuilder("not quoted (it may carry a flag): ").append(fields.length)
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
}
