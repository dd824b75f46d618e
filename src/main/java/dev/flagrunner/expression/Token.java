package dev.flagrunner.expression;

/**
 * One token: its type and where it stands in the payload ({@code [start, end)}). The text is not
 * copied: parsers read it from the payload only when they need it (a number's value, an error).
 */
record Token(TokenType type, int start, int end) {

    /** How an error message names this token: {@code '//'}, {@code '12345…'}, or "end of input". */
    String describe(String source) {
        return type == TokenType.EOF ? "end of input" : Snippet.quote(source, start, end);
    }
}
