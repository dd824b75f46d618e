package dev.flagrunner.expression;

/**
 * An operator the parser keeps: its type and where it stands in the payload, so an error in
 * evaluating it (a result over the size cap, a division by zero without an answer) can name its
 * column. Numbers and parentheses need no such value.
 */
record Token(TokenType type, int start) {

    /** How an error message names this operator, e.g. {@code '//'}. */
    String describe() {
        return "'" + type.symbol() + "'";
    }
}
