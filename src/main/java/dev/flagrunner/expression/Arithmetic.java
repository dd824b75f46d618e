package dev.flagrunner.expression;

/**
 * The arithmetic (and payload grammar) of one dialect's questions. See docs/protocol.md §3–§4 and
 * {@code docs/expression.md}. Which dialect uses which, and the look-up by name, live in the protocol
 * layer's dialect table ({@code dev.flagrunner.protocol.Dialects}); the name here only labels messages.
 */
public enum Arithmetic {
    /** {@code a op b}, {@code + - * /}, {@code /} floors; division by zero has no answer. */
    STATUS_FLOOR("status"),
    /** {@code a op b}, {@code + - * /}, {@code /} truncates toward zero (UMass CS230). */
    CS230_TRUNCATE("cs230"),
    /** Python integer expressions: {@code + - * //}, parentheses, precedence; {@code ERR #DIV/0}. */
    EVAL2021("eval2021"),
    /** Fully parenthesised {@code txpr}: {@code + - * // <<^}; {@code ERR #DIV/0}. */
    EVAL2022("eval2022"),
    /** {@code a op b}, {@code /} is true division rendered as Python's {@code str(float)}. */
    EECE_TRUE_DIVISION("eece"),
    /** FIND payload {@code <symbol> <string>}: the number of occurrences of the symbol. */
    FIND_COUNT("findcount");

    private final String dialect;

    Arithmetic(String dialect) {
        this.dialect = dialect;
    }

    /** The name of the dialect this arithmetic was modelled on, for error messages only. */
    public String dialect() {
        return dialect;
    }
}
