package dev.flagrunner.expression;

import java.math.BigInteger;
import java.util.EnumSet;

/**
 * Parses the one-operation questions of {@code status} ({@code STATUS a op b}), {@code cs230} and
 * {@code eece} ({@code EXPR a op b}), docs/protocol.md §3.1, §3.5, §3.6. Extra spaces are tolerated (the
 * vectors' tolerance cases); operands may be negative and may carry leading zeros.
 *
 * <pre>
 * question = *SP number 1*SP operator 1*SP number *SP
 * number   = ["-"] 1*DIGIT
 * operator = "+" / "-" / "*" / "/"
 * </pre>
 */
final class BinaryQuestionParser extends TokenParser {

    private static final EnumSet<TokenType> OPERATORS =
            EnumSet.of(TokenType.PLUS, TokenType.MINUS, TokenType.STAR, TokenType.SLASH);

    private BinaryQuestionParser(String payload) throws ExpressionException {
        super(payload, Notation.WORDS, OPERATORS, "+ - * /");
    }

    static BinaryQuestion parse(String payload) throws ExpressionException {
        BinaryQuestionParser parser = new BinaryQuestionParser(payload);
        BigInteger left = parser.number();
        Token operator = parser.operator();
        BigInteger right = parser.number();
        parser.expectEnd();
        return new BinaryQuestion(left, operator, right);
    }
}
