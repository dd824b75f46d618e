package dev.flagrunner.expression;

/** How a dialect spells its tokens; the {@link Scanner} follows one notation per payload. */
enum Notation {
    /**
     * The server's word-per-token notation (status, cs230, eece, eval2022): tokens are separated by one
     * or more spaces, a {@code -} glued to digits is a negative literal ({@code -1084742079}), a lone
     * {@code -} is the operator, and leading zeros are allowed ({@code 007}).
     */
    WORDS,
    /**
     * Python 3 tokens (eval2021, whose reference clients ran {@code eval}): spaces are optional,
     * {@code -} is always an operator (unary or binary), and a literal has no leading zeros.
     */
    PYTHON
}
