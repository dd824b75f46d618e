package dev.flagrunner.expression;

/**
 * The arithmetic (and payload grammar) of one dialect's questions. See PROTOCOL.md §5–§6.
 */
public enum Arithmetic {
    /** {@code a op b}, {@code + - * /}, {@code /} floors; division by zero has no answer. */
    STATUS_FLOOR,
    /** {@code a op b}, {@code + - * /}, {@code /} truncates toward zero (UMass CS230). */
    CS230_TRUNCATE,
    /** Python integer expressions: {@code + - * //}, parentheses, precedence; {@code ERR #DIV/0}. */
    EVAL2021,
    /** Fully parenthesised {@code txpr}: {@code + - * // <<^}; {@code ERR #DIV/0}. */
    EVAL2022,
    /** {@code a op b}, {@code /} is true division rendered as Python's {@code str(float)}. */
    EECE_TRUE_DIVISION,
    /** FIND payload {@code <symbol> <string>}: the number of occurrences of the symbol. */
    FIND_COUNT
}
