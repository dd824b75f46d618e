package dev.flagrunner.expression;

/** The kinds of token any dialect's scanner produces; each parser accepts its own subset. */
enum TokenType {
    NUMBER(null),
    PLUS("+"),
    MINUS("-"),
    STAR("*"),
    SLASH("/"),
    SLASH_SLASH("//"),
    SHIFT_XOR("<<^"),
    LEFT_PAREN("("),
    RIGHT_PAREN(")"),
    EOF(null);

    private final String symbol;

    TokenType(String symbol) {
        this.symbol = symbol;
    }

    /** The fixed text of an operator or parenthesis; null for NUMBER and EOF, whose text varies. */
    String symbol() {
        return symbol;
    }
}
