package dev.flagrunner.expression;

import static dev.flagrunner.expression.TokenType.EOF;
import static dev.flagrunner.expression.TokenType.LEFT_PAREN;
import static dev.flagrunner.expression.TokenType.MINUS;
import static dev.flagrunner.expression.TokenType.NUMBER;
import static dev.flagrunner.expression.TokenType.PLUS;
import static dev.flagrunner.expression.TokenType.RIGHT_PAREN;
import static dev.flagrunner.expression.TokenType.SHIFT_XOR;
import static dev.flagrunner.expression.TokenType.SLASH;
import static dev.flagrunner.expression.TokenType.SLASH_SLASH;
import static dev.flagrunner.expression.TokenType.STAR;

/**
 * Turns a payload into tokens, one per {@link #next()} call (the parser pulls them, so no token list
 * is built), ending with an {@code EOF} token. The only separator is the space (0x20); any other
 * character outside the token alphabet, including tabs, CR and non-ASCII, is an error naming its
 * column.
 *
 * <pre>
 * token    = number / "+" / "-" / "*" / "/" / "//" / "&lt;&lt;^" / "(" / ")"
 * number   = 1*DIGIT                 ; WORDS also: "-" 1*DIGIT, one token
 * </pre>
 *
 * Literals longer than {@value #MAX_LITERAL_DIGITS} digits are {@code TOO_LARGE}, as CPython refuses
 * to convert them (its default {@code sys.int_info.default_max_str_digits}); the limit also keeps the
 * quadratic decimal-to-binary conversion cheap.
 */
final class Scanner {

    static final int MAX_LITERAL_DIGITS = 4300;

    /** Characters that are operators in some language but not in any dialect: named "unknown operator". */
    private static final String FOREIGN_OPERATOR_CHARS = "%&|^~<>=!@";

    private final String source;
    private final Notation notation;
    private int start;
    private int current;

    Scanner(String source, Notation notation) {
        this.source = source;
        this.notation = notation;
    }

    Token next() throws ExpressionException {
        while (!isAtEnd() && peek() == ' ') {
            current++;
        }
        start = current;
        if (isAtEnd()) {
            return token(EOF);
        }
        Token token = scanToken();
        if (notation == Notation.WORDS && !isAtEnd() && peek() != ' ') {
            // The grammar puts a space after every token; say so when the glued text is itself valid.
            if (!canStartToken(peek())) {
                throw rejectCharacterAt(current);
            }
            throw Problems.malformed(current, "missing space before " + Snippet.quote(peek()));
        }
        return token;
    }

    private Token scanToken() throws ExpressionException {
        char c = advance();
        switch (c) {
            case '(':
                return token(LEFT_PAREN);
            case ')':
                return token(RIGHT_PAREN);
            case '+':
                return token(PLUS);
            case '*':
                if (peek() == '*') {
                    throw Problems.malformed(start, "unknown operator '**'");
                }
                return token(STAR);
            case '/':
                return token(match('/') ? SLASH_SLASH : SLASH);
            case '-':
                return notation == Notation.WORDS && isDigit(peek()) ? number() : token(MINUS);
            case '<':
                if (source.startsWith("<^", current)) {
                    current += 2;
                    return token(SHIFT_XOR);
                }
                throw rejectCharacterAt(start);
            default:
                if (isDigit(c)) {
                    return number();
                }
                throw rejectCharacterAt(start);
        }
    }

    private Token number() throws ExpressionException {
        while (isDigit(peek())) {
            current++;
        }
        int firstDigit = source.charAt(start) == '-' ? start + 1 : start;
        int digits = current - firstDigit;
        if (digits > MAX_LITERAL_DIGITS) {
            throw Problems.tooLarge(start, "number of " + digits + " digits",
                    "more than the limit of " + MAX_LITERAL_DIGITS);
        }
        if (notation == Notation.PYTHON && source.charAt(firstDigit) == '0' && !allZeros(firstDigit, current)) {
            throw Problems.malformed(start, "leading zero in " + Snippet.quote(source, start, current),
                    "which a Python 3 integer literal does not allow");
        }
        return token(NUMBER);
    }

    /** The error for a character that starts no token: an unknown operator or an unexpected character. */
    private ExpressionException rejectCharacterAt(int position) {
        if (FOREIGN_OPERATOR_CHARS.indexOf(source.charAt(position)) >= 0) {
            int end = position;
            while (end < source.length() && FOREIGN_OPERATOR_CHARS.indexOf(source.charAt(end)) >= 0) {
                end++;
            }
            return Problems.malformed(position, "unknown operator " + Snippet.quote(source, position, end));
        }
        return Problems.malformed(position, "unexpected character " + Snippet.quote(source.charAt(position)));
    }

    private boolean allZeros(int from, int to) {
        for (int i = from; i < to; i++) {
            if (source.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean canStartToken(char c) {
        return isDigit(c) || "()+-*/<".indexOf(c) >= 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token token(TokenType type) {
        return new Token(type, start, current);
    }

    private boolean match(char expected) {
        if (isAtEnd() || source.charAt(current) != expected) {
            return false;
        }
        current++;
        return true;
    }

    private char advance() {
        return source.charAt(current++);
    }

    /** The next character, or NUL at the end (NUL is in no token, so callers need no bounds check). */
    private char peek() {
        return isAtEnd() ? '\0' : source.charAt(current);
    }

    private boolean isAtEnd() {
        return current >= source.length();
    }
}
