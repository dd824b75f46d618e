package dev.flagrunner.expression;

import static dev.flagrunner.expression.TokenType.LEFT_PAREN;
import static dev.flagrunner.expression.TokenType.NUMBER;

import java.math.BigInteger;
import java.util.EnumSet;

/**
 * Parses and evaluates an EVAL-2022 question (docs/protocol.md §3.4): every operation has its own
 * parentheses, so there is no precedence. Tokens are separated by one or more spaces ({@link
 * Notation#WORDS}); {@code -7} is one literal, a lone {@code -} the operator.
 *
 * <pre>
 * payload  = *SP txpr *SP
 * txpr     = number / "(" 1*SP txpr 1*SP operator 1*SP txpr 1*SP ")"
 * operator = "+" / "-" / "*" / "//" / "&lt;&lt;^"
 * number   = ["-"] 1*DIGIT
 * </pre>
 *
 * {@code //} floors; {@code a <<^ b} = {@code (a << 13) XOR b}; any division by zero answers
 * {@code ERR #DIV/0} ({@link EvalCalculation}).
 */
final class TxprParser extends TokenParser {

    private static final EnumSet<TokenType> OPERATORS =
            EnumSet.of(TokenType.PLUS, TokenType.MINUS, TokenType.STAR, TokenType.SLASH_SLASH, TokenType.SHIFT_XOR);

    private final EvalCalculation calculation;

    private TxprParser(String payload) throws ExpressionException {
        super(payload, Notation.WORDS, OPERATORS, "+ - * // <<^");
        this.calculation = new EvalCalculation();
    }

    static Answer evaluate(String payload) throws ExpressionException {
        TxprParser parser = new TxprParser(payload);
        BigInteger value = parser.txpr();
        parser.expectEnd();
        return parser.calculation.answer(value);
    }

    private BigInteger txpr() throws ExpressionException {
        if (check(NUMBER)) {
            return number();
        }
        if (!check(LEFT_PAREN)) {
            throw expected("a number or '('");
        }
        int open = openParenthesis();
        BigInteger left = txpr();
        Token operator = operator();
        BigInteger right = txpr();
        closeParenthesis(open);
        return calculation.apply(operator, left, right);
    }
}
