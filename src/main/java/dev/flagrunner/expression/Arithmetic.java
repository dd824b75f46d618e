package dev.flagrunner.expression;

import java.util.Optional;

/**
 * The arithmetic (and payload grammar) of one dialect's questions. See PROTOCOL.md §5–§6 and
 * {@code docs/expression.md}.
 *
 * <p>This enum is the one place that maps dialect names ({@code status}, {@code eval2022}, …) to
 * arithmetic; the dialect table of the protocol layer and the {@code eval} command both use
 * {@link #forDialect(String)}.
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

    /** The dialect name as users write it (PROTOCOL.md §1): {@code status}, {@code eval2022}, … */
    public String dialect() {
        return dialect;
    }

    /** The arithmetic of a dialect name (exact, lower case), or empty if there is no such dialect. */
    public static Optional<Arithmetic> forDialect(String name) {
        for (Arithmetic arithmetic : values()) {
            if (arithmetic.dialect.equals(name)) {
                return Optional.of(arithmetic);
            }
        }
        return Optional.empty();
    }

    /** The dialect names in declaration order, e.g. for usage messages: "status, cs230, …". */
    public static String dialectNames() {
        StringBuilder names = new StringBuilder();
        for (Arithmetic arithmetic : values()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(arithmetic.dialect);
        }
        return names.toString();
    }
}
