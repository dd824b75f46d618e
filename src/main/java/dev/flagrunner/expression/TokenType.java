package dev.flagrunner.expression;

/** The kinds of token any dialect's scanner produces; each parser accepts its own subset. */
enum TokenType {
    NUMBER,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    SLASH_SLASH,
    SHIFT_XOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    EOF
}
