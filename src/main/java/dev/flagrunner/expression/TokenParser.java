package dev.flagrunner.expression;

import static dev.flagrunner.expression.TokenType.EOF;
import static dev.flagrunner.expression.TokenType.NUMBER;
import static dev.flagrunner.expression.TokenType.RIGHT_PAREN;

import java.math.BigInteger;
import java.util.EnumSet;

/**
 * The token cursor every dialect parser shares, in the jlox shape: one token of lookahead
 * ({@code current}), {@code check}/{@code match}/{@code advance}/{@code consume}, and errors that name
 * the offending token's column.
 *
 * <p>Parentheses may nest at most {@value #MAX_NESTING} deep, CPython's own limit ("too many nested
 * parentheses"): the recursive-descent parsers then use a few hundred stack frames at most, so deep
 * input is a {@code TOO_LARGE} error, never a {@link StackOverflowError}. Real questions nest 13 deep.
 */
abstract class TokenParser {

    static final int MAX_NESTING = 200;

    private static final EnumSet<TokenType> OPERATORS = EnumSet.of(
            TokenType.PLUS, TokenType.MINUS, TokenType.STAR, TokenType.SLASH, TokenType.SLASH_SLASH,
            TokenType.SHIFT_XOR);

    final String source;
    private final Scanner scanner;
    private final EnumSet<TokenType> operators;
    private final String operatorList;
    private Token current;
    private int depth;

    /**
     * @param operators the binary operators of the dialect
     * @param operatorList how messages list them, e.g. {@code "+ - * //"}
     */
    TokenParser(String source, Notation notation, EnumSet<TokenType> operators, String operatorList)
            throws ExpressionException {
        this.source = source;
        this.scanner = new Scanner(source, notation);
        this.operators = operators;
        this.operatorList = operatorList;
        this.current = scanner.next();
    }

    final boolean check(TokenType type) {
        return current.type() == type;
    }

    final Token advance() throws ExpressionException {
        Token previous = current;
        if (previous.type() != EOF) {
            current = scanner.next();
        }
        return previous;
    }

    final BigInteger number() throws ExpressionException {
        if (!check(NUMBER)) {
            throw expected("a number");
        }
        return Literal.value(source, advance());
    }

    /** One of the dialect's binary operators; an operator of another dialect is "unknown". */
    final Token operator() throws ExpressionException {
        if (operators.contains(current.type())) {
            return advance();
        }
        if (OPERATORS.contains(current.type())) {
            throw unknownOperator();
        }
        throw expected("an operator (" + operatorList + ")");
    }

    /** Notes an opening parenthesis, refusing nesting deeper than {@value #MAX_NESTING}. */
    final void enterParenthesis(Token open) throws ExpressionException {
        if (++depth > MAX_NESTING) {
            throw Problems.tooLarge(open.start(), "parentheses nested deeper than " + MAX_NESTING, null);
        }
    }

    /** Consumes the ')' that closes {@code open}. */
    final void closeParenthesis(Token open) throws ExpressionException {
        if (!check(RIGHT_PAREN)) {
            throw Problems.malformed(current.start(), "expected ')'", "found " + current.describe(source)
                    + "; the '(' at column " + (open.start() + 1) + " is still open");
        }
        advance();
        depth--;
    }

    /** The whole payload must be one expression: anything after it is an error. */
    final void expectEnd() throws ExpressionException {
        if (check(EOF)) {
            return;
        }
        if (OPERATORS.contains(current.type()) && !operators.contains(current.type())) {
            throw unknownOperator();
        }
        throw Problems.malformed(current.start(), "unexpected " + current.describe(source),
                "after a complete expression");
    }

    final ExpressionException expected(String what) {
        return Problems.malformed(current.start(), "expected " + what, "found " + current.describe(source));
    }

    private ExpressionException unknownOperator() {
        return Problems.malformed(current.start(), "unknown operator " + current.describe(source),
                "expected one of " + operatorList);
    }
}
