package dev.flagrunner.protocol;

/** Quotes untrusted server text for error details: at most 80 characters, control characters escaped. */
public final class Quote {

    static final int MAX = 80;

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
}
