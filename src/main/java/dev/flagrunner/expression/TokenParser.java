package dev.flagrunner.expression;

import static dev.flagrunner.expression.TokenType.EOF;
import static dev.flagrunner.expression.TokenType.LEFT_PAREN;
import static dev.flagrunner.expression.TokenType.NUMBER;
import static dev.flagrunner.expression.TokenType.RIGHT_PAREN;

import java.math.BigInteger;
import java.util.EnumSet;

/**
 * The token cursor every dialect parser shares, in the jlox shape: one token of lookahead (the
 * scanner's current token), {@code check}/{@code advance}/{@code number}/{@code operator}, and errors
 * that name the offending token's column.
 *
 * <p>Parentheses may nest at most {@value #MAX_NESTING} deep, CPython's own limit ("too many nested
 * parentheses"): the recursive-descent parsers then use a few hundred stack frames at most, so deep
 * input is a {@code TOO_LARGE} error, never a {@link StackOverflowError}. Real questions nest 13 deep.
 */
abstract class TokenParser {

    static final int MAX_NESTING = 200;

    private static final EnumSet<TokenType> OPERATORS = EnumSet.of(
            TokenType.PLUS,
            TokenType.MINUS,
            TokenType.STAR,
            TokenType.SLASH,
            TokenType.SLASH_SLASH,
            TokenType.SHIFT_XOR);

    private final Scanner scanner;
    private final EnumSet<TokenType> operators;
    private final String operatorList;
    private int depth;

    /**
     * @param operators the binary operators of the dialect
     * @param operatorList how messages list them, e.g. {@code "+ - * //"}
     */
    TokenParser(String source, Notation notation, EnumSet<TokenType> operators, String operatorList)
            throws ExpressionException {
        this.scanner = new Scanner(source, notation);
        this.operators = operators;
        this.operatorList = operatorList;
        scanner.next();
    }

    final boolean check(TokenType type) {
        return scanner.type() == type;
    }

    /** Moves past the current token (and stays on {@code EOF}). */
    final void advance() throws ExpressionException {
        if (scanner.type() != EOF) {
            scanner.next();
        }
    }

    final BigInteger number() throws ExpressionException {
        if (!check(NUMBER)) {
            throw expected("a number");
        }
        BigInteger value = scanner.literal();
        advance();
        return value;
    }

    /** One of the dialect's binary operators; an operator of another dialect is "unknown". */
    final Token operator() throws ExpressionException {
        TokenType type = scanner.type();
        if (operators.contains(type)) {
            return takeOperator();
        }
        if (OPERATORS.contains(type)) {
            throw unknownOperator();
        }
        throw expected("an operator (" + operatorList + ")");
    }

    /** The current token, known to be an operator, kept for messages; the cursor moves past it. */
    final Token takeOperator() throws ExpressionException {
        Token operator = new Token(scanner.type(), scanner.start());
        advance();
        return operator;
    }

    /**
     * Consumes a '(' (the current token), refusing nesting deeper than {@value #MAX_NESTING}; returns its
     * position for the message if it is never closed.
     */
    final int openParenthesis() throws ExpressionException {
        int position = scanner.start();
        if (!check(LEFT_PAREN)) {
            throw new IllegalStateException("not at a '(': " + scanner.describe());
        }
        if (++depth > MAX_NESTING) {
            throw Problems.tooLarge(position, "parentheses nested deeper than " + MAX_NESTING, null);
        }
        advance();
        return position;
    }

    /** Consumes the ')' that closes the '(' at {@code openPosition}. */
    final void closeParenthesis(int openPosition) throws ExpressionException {
        if (!check(RIGHT_PAREN)) {
            throw Problems.malformed(
                    scanner.start(),
                    "expected ')'",
                    "found " + scanner.describe() + "; the '(' at column " + (openPosition + 1) + " is still open");
        }
        advance();
        depth--;
    }

    /** The whole payload must be one expression: anything after it is an error. */
    final void expectEnd() throws ExpressionException {
        if (check(EOF)) {
            return;
        }
        if (OPERATORS.contains(scanner.type()) && !operators.contains(scanner.type())) {
            throw unknownOperator();
        }
        throw Problems.malformed(scanner.start(), "unexpected " + scanner.describe(), "after a complete expression");
    }

    final ExpressionException expected(String what) {
        return Problems.malformed(scanner.start(), "expected " + what, "found " + scanner.describe());
    }

    private ExpressionException unknownOperator() {
        return Problems.malformed(
                scanner.start(), "unknown operator " + scanner.describe(), "expected one of " + operatorList);
    }
}
