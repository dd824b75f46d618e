package dev.flagrunner.expression;

/**
 * The answer to the common one-liner, {@code a op b} with operands of at most 18 digits, computed on
 * {@code long}s without a scanner, a token or a {@link java.math.BigInteger}.
 *
 * <p>Why it exists: the general path is fast once compiled (about 60 ns), but C2 inlines the scanner,
 * the parser and {@code BigInteger} into one 50 KB method and spends half a second of CPU doing so,
 * on a two-core machine, while the session it is meant to speed up is running. This path is small
 * enough to compile in milliseconds; the general one only gets compiled where questions really need it.
 *
 * <p>It accepts a subset of {@link BinaryQuestionParser}'s grammar — spaces, an optionally negative
 * number, spaces, an operator, spaces, a number, spaces — and answers exactly as the general path
 * does. Anything else returns {@code null} and goes through the general path, which also gives every
 * error its position: more digits, a division by zero, a product beyond a long, a true division
 * ({@code eece}), any other character.
 */
final class SmallOneLiner {

    /** 18 decimal digits are below 10^18 < 2^63 / 9, so a sum or a difference cannot overflow. */
    private static final int MAX_DIGITS = 18;

    private final String payload;
    private final int length;
    private int position;

    private SmallOneLiner(String payload) {
        this.payload = payload;
        this.length = payload.length();
    }

    /** The answer text, or {@code null} when the question is not a small one this path answers. */
    static String answer(Arithmetic arithmetic, String payload) {
        return new SmallOneLiner(payload).answer(arithmetic);
    }

    private String answer(Arithmetic arithmetic) {
        skipSpaces();
        long left = number();
        if (left == NOT_A_NUMBER || !skipSpaces()) {
            return null;
        }
        char operator = position < length ? payload.charAt(position++) : 0;
        if (!skipSpaces()) {
            return null;
        }
        long right = number();
        skipSpaces();
        if (right == NOT_A_NUMBER || position != length) {
            return null;
        }
        switch (operator) {
            case '+':
                return Long.toString(left + right);
            case '-':
                return Long.toString(left - right);
            case '*':
                long product = left * right;
                // The high half of the 128-bit product must be the sign extension of the low half.
                return Math.multiplyHigh(left, right) == (product >> 63) ? Long.toString(product) : null;
            case '/':
                if (right == 0) {
                    return null;
                }
                return switch (arithmetic) {
                    case STATUS_FLOOR -> Long.toString(Math.floorDiv(left, right));
                    case CS230_TRUNCATE -> Long.toString(left / right);
                    default -> null;
                };
            default:
                return null;
        }
    }

    /** No long of at most 18 digits is this one. */
    private static final long NOT_A_NUMBER = Long.MIN_VALUE;

    /** {@code ["-"] 1*18DIGIT} followed by a space or the end; {@link #NOT_A_NUMBER} otherwise. */
    private long number() {
        boolean negative = position < length && payload.charAt(position) == '-';
        if (negative) {
            position++;
        }
        int first = position;
        long magnitude = 0;
        while (position < length) {
            char c = payload.charAt(position);
            if (c < '0' || c > '9') {
                break;
            }
            magnitude = magnitude * 10 + (c - '0');
            position++;
        }
        int digits = position - first;
        if (digits == 0 || digits > MAX_DIGITS || (position < length && payload.charAt(position) != ' ')) {
            return NOT_A_NUMBER;
        }
        return negative ? -magnitude : magnitude;
    }

    /** Skips spaces; whether there was at least one. */
    private boolean skipSpaces() {
        int start = position;
        while (position < length && payload.charAt(position) == ' ') {
            position++;
        }
        return position > start;
    }
}
