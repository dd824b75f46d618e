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

import java.math.BigInteger;

/**
 * Turns a payload into tokens, one per {@link #next()} call, ending with an {@code EOF} token. The
 * scanner is a cursor: the current token is its {@link #type()}, {@link #start()} and {@link #end()},
 * so no object is made per token (the parser makes a {@link Token} only for the operators it keeps
 * for error messages). The only separator is the space (0x20); any other character outside the token
 * alphabet, including tabs, CR and non-ASCII, is an error naming its column.
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

    /** 18 digits always fit in a long, so most literals need neither a substring nor a parse. */
    private static final int LONG_SAFE_DIGITS = 18;

    /** Characters that are operators in some language but not in any dialect: named "unknown operator". */
    private static final String FOREIGN_OPERATOR_CHARS = "%&|^~<>=!@";

    private final String source;
    /** The payload's characters: indexing an array is about twice as fast as {@code String.charAt}. */
    private final char[] chars;

    private final Notation notation;
    private TokenType type;
    private int start;
    private int current;
    /** The current NUMBER's magnitude while it has at most {@value #LONG_SAFE_DIGITS} digits. */
    private long magnitude;

    Scanner(String source, Notation notation) {
        this.source = source;
        this.chars = source.toCharArray();
        this.notation = notation;
    }

    /** The current token's type; {@code null} before the first {@link #next()}. */
    TokenType type() {
        return type;
    }

    /** Where the current token starts (0-based). */
    int start() {
        return start;
    }

    /** Where the current token ends (exclusive). */
    int end() {
        return current;
    }

    /** The value of the current token, a NUMBER, computed as its digits were scanned (as in jlox). */
    BigInteger literal() {
        int firstDigit = firstDigit();
        if (current - firstDigit > LONG_SAFE_DIGITS) {
            return new BigInteger(source.substring(start, current));
        }
        return BigInteger.valueOf(firstDigit == start ? magnitude : -magnitude);
    }

    /** Moves to the next token. */
    void next() throws ExpressionException {
        int position = current;
        while (position < chars.length && chars[position] == ' ') {
            position++;
        }
        current = position;
        start = position;
        if (isAtEnd()) {
            type = EOF;
            return;
        }
        type = scanToken();
        if (notation == Notation.WORDS && !isAtEnd() && peek() != ' ') {
            // The grammar puts a space after every token; say so when the glued text is itself valid.
            if (!canStartToken(peek())) {
                throw rejectCharacterAt(current);
            }
            throw Problems.malformed(current, "missing space before " + Problems.SNIPPET.quote(peek()));
        }
    }

    /** The current token as error messages quote it: {@code '//'}, {@code '12345'… (300 chars)}, or "end of input". */
    String describe() {
        return type == EOF ? "end of input" : Problems.SNIPPET.quote(source, start, current);
    }

    private TokenType scanToken() throws ExpressionException {
        char c = advance();
        switch (c) {
            case '(':
                return LEFT_PAREN;
            case ')':
                return RIGHT_PAREN;
            case '+':
                return PLUS;
            case '*':
                if (peek() == '*') {
                    throw Problems.malformed(start, "unknown operator '**'");
                }
                return STAR;
            case '/':
                return match('/') ? SLASH_SLASH : SLASH;
            case '-':
                return notation == Notation.WORDS && isDigit(peek()) ? number() : MINUS;
            case '<':
                if (source.startsWith("<^", current)) {
                    current += 2;
                    return SHIFT_XOR;
                }
                throw rejectCharacterAt(start);
            default:
                if (isDigit(c)) {
                    return number();
                }
                throw rejectCharacterAt(start);
        }
    }

    private TokenType number() throws ExpressionException {
        int firstDigit = firstDigit();
        int position = firstDigit;
        long value = 0;
        while (position < chars.length && isDigit(chars[position])) {
            value = value * 10 + (chars[position++] - '0'); // wraps past 18 digits: literal() then parses the text
        }
        current = position;
        magnitude = value;
        int digits = current - firstDigit;
        if (digits > MAX_LITERAL_DIGITS) {
            throw Problems.tooLarge(
                    start, "number of " + digits + " digits", "more than the limit of " + MAX_LITERAL_DIGITS);
        }
        if (notation == Notation.PYTHON && chars[firstDigit] == '0' && !allZeros(firstDigit, current)) {
            throw Problems.malformed(
                    start,
                    "leading zero in " + Problems.SNIPPET.quote(source, start, current),
                    "which a Python 3 integer literal does not allow");
        }
        return NUMBER;
    }

    /** Where the current NUMBER's digits begin, after its sign if it has one. */
    private int firstDigit() {
        return chars[start] == '-' ? start + 1 : start;
    }

    /** The error for a character that starts no token: an unknown operator or an unexpected character. */
    private ExpressionException rejectCharacterAt(int position) {
        if (FOREIGN_OPERATOR_CHARS.indexOf(source.charAt(position)) >= 0) {
            int end = position;
            while (end < source.length() && FOREIGN_OPERATOR_CHARS.indexOf(source.charAt(end)) >= 0) {
                end++;
            }
            return Problems.malformed(position, "unknown operator " + Problems.SNIPPET.quote(source, position, end));
        }
        return Problems.malformed(position, "unexpected character " + Problems.SNIPPET.quote(source.charAt(position)));
    }

    private boolean allZeros(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] != '0') {
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

    private boolean match(char expected) {
        if (isAtEnd() || chars[current] != expected) {
            return false;
        }
        current++;
        return true;
    }

    private char advance() {
        return chars[current++];
    }

    /** The next character, or NUL at the end (NUL is in no token, so callers need no bounds check). */
    private char peek() {
        return isAtEnd() ? '\0' : chars[current];
    }

    private boolean isAtEnd() {
        return current >= chars.length;
    }
}
