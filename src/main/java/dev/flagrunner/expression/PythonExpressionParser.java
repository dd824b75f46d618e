package dev.flagrunner.expression;

import static dev.flagrunner.expression.TokenType.LEFT_PAREN;
import static dev.flagrunner.expression.TokenType.MINUS;
import static dev.flagrunner.expression.TokenType.NUMBER;
import static dev.flagrunner.expression.TokenType.PLUS;
import static dev.flagrunner.expression.TokenType.SLASH_SLASH;
import static dev.flagrunner.expression.TokenType.STAR;

import java.math.BigInteger;
import java.util.EnumSet;

/**
 * Parses and evaluates an EVAL-2021 question (docs/protocol.md §3.3): the integer subset of a Python 3
 * expression that the spring 2021 clients handed to {@code eval}, with Python's precedence and left
 * associativity. Tokens follow {@link Notation#PYTHON}: spaces are optional, {@code -} is always an
 * operator, and unary minus binds tighter than {@code *} and {@code //} ({@code -7 // 2 * 3} is
 * {@code ((-7) // 2) * 3}).
 *
 * <pre>
 * payload    = expression                           ; spaces anywhere between tokens
 * expression = term *( ( "+" / "-" ) term )
 * term       = unary *( ( "*" / "//" ) unary )
 * unary      = *( "+" / "-" ) primary
 * primary    = number / "(" expression ")"
 * number     = 1*"0" / %x31-39 *DIGIT               ; Python 3: no leading zeros
 * </pre>
 *
 * Python operators outside the dialect ({@code /}, {@code %}, {@code **}, …) are unknown operators;
 * any division by zero answers {@code ERR #DIV/0} ({@link EvalCalculation}).
 */
final class PythonExpressionParser extends TokenParser {

    private static final EnumSet<TokenType> OPERATORS = EnumSet.of(PLUS, MINUS, STAR, SLASH_SLASH);

    private final EvalCalculation calculation;

    private PythonExpressionParser(String payload) throws ExpressionException {
        super(payload, Notation.PYTHON, OPERATORS, "+ - * //");
        this.calculation = new EvalCalculation();
    }

    static Answer evaluate(String payload) throws ExpressionException {
        PythonExpressionParser parser = new PythonExpressionParser(payload);
        BigInteger value = parser.expression();
        parser.expectEnd();
        return parser.calculation.answer(value);
    }

    private BigInteger expression() throws ExpressionException {
        BigInteger value = term();
        while (check(PLUS) || check(MINUS)) {
            Token operator = takeOperator();
            value = calculation.apply(operator, value, term());
        }
        return value;
    }

    private BigInteger term() throws ExpressionException {
        BigInteger value = unary();
        while (check(STAR) || check(SLASH_SLASH)) {
            Token operator = takeOperator();
            value = calculation.apply(operator, value, unary());
        }
        return value;
    }

    /** A loop, not recursion: a run of signs ({@code - - - 5}) costs no stack. */
    private BigInteger unary() throws ExpressionException {
        boolean negate = false;
        while (check(PLUS) || check(MINUS)) {
            negate ^= check(MINUS);
            advance();
        }
        BigInteger value = primary();
        return negate ? value.negate() : value;
    }

    private BigInteger primary() throws ExpressionException {
        if (check(NUMBER)) {
            return number();
        }
        if (!check(LEFT_PAREN)) {
            throw expected("a number or '('");
        }
        int open = openParenthesis();
        BigInteger value = expression();
        closeParenthesis(open);
        return value;
    }
}
