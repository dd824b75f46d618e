package dev.flagrunner.expression;

import java.math.BigInteger;

/** The value of a {@code NUMBER} token ({@code ["-"] 1*DIGIT}, already checked by the scanner). */
final class Literal {

    /** 18 digits always fit in a long, so the common case needs neither a substring nor a parse. */
    private static final int LONG_SAFE_DIGITS = 18;

    private Literal() {}

    static BigInteger value(String source, Token token) {
        int start = token.start();
        int end = token.end();
        boolean negative = source.charAt(start) == '-';
        int firstDigit = negative ? start + 1 : start;
        if (end - firstDigit > LONG_SAFE_DIGITS) {
            return new BigInteger(source.substring(start, end));
        }
        long value = 0;
        for (int i = firstDigit; i < end; i++) {
            value = value * 10 + (source.charAt(i) - '0');
        }
        return BigInteger.valueOf(negative ? -value : value);
    }
}
