package dev.flagrunner.expression;

/**
 * An operator token the parser keeps: its type and where it stands in the payload ({@code [start,
 * end)}), so an error in evaluating it (a result over the size cap, a division by zero without an
 * answer) can name its column. Numbers and parentheses need no such value.
 */
record Token(TokenType type, int start, int end) {

    /** How an error message names this token, e.g. {@code '//'}. */
    String describe(String source) {
        return Snippet.quote(source, start, end);
    }
}
