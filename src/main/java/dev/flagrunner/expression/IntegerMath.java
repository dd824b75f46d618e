package dev.flagrunner.expression;

import java.math.BigInteger;

/**
 * Exact integer operations of the dialects, on {@link BigInteger} (Python ints are the reference), with
 * the result-size cap: no intermediate or final value may need more than {@value #MAX_BITS} bits
 * (19,729 decimal digits). Real answers are far smaller (the 40-level {@code <<^} chain needs 520
 * bits; the fall 2022 C++ client used 1024-bit integers); the cap keeps a hostile 1 MiB payload from
 * building numbers whose every further operation costs milliseconds.
 */
final class IntegerMath {

    static final int MAX_BITS = 1 << 16;

    /**
     * The most work the operations of one question may take, in word operations (see {@link #cost}): about
     * 10 to 20 ms of one core. Real questions take a few hundred (a 13-deep eval2022 tree, the 40-level
     * {@code <<^} chain at 520 bits); 1 MiB of {@code 1 + 1 + …} takes 524,286. Without it, 1 MiB of
     * {@code X + 1 + 1 …} on a 57,000-bit {@code X} cost 0.1 to 4 s and 1.8 GB of garbage per question.
     */
    static final long MAX_WORK = 1L << 24;

    private static final int SHIFT = 13;

    private IntegerMath() {}

    /** Python's {@code a // b}: the quotient rounded toward negative infinity ({@code b != 0}). */
    static BigInteger floorDivide(BigInteger a, BigInteger b) {
        if (fitsLong(a) && fitsLong(b)) {
            return BigInteger.valueOf(Math.floorDiv(a.longValue(), b.longValue()));
        }
        BigInteger[] quotientAndRemainder = a.divideAndRemainder(b);
        // divide() truncates; a remainder whose sign differs from the divisor's means the exact
        // quotient was negative and not whole, so the floor is one below the truncated quotient.
        BigInteger remainder = quotientAndRemainder[1];
        if (remainder.signum() != 0 && remainder.signum() != b.signum()) {
            return quotientAndRemainder[0].subtract(BigInteger.ONE);
        }
        return quotientAndRemainder[0];
    }

    /** C's and Java's {@code a / b}: the quotient rounded toward zero ({@code b != 0}). */
    static BigInteger truncatingDivide(BigInteger a, BigInteger b) {
        if (fitsLong(a) && fitsLong(b)) {
            return BigInteger.valueOf(a.longValue() / b.longValue());
        }
        return a.divide(b);
    }

    /**
     * The decimal text of a value. JDK 17's {@code BigInteger.toString} divides even a one-word value
     * through {@code MutableBigInteger}s; a long prints several times faster and allocates only the text.
     */
    static String toText(BigInteger value) {
        return value.bitLength() < 64 ? Long.toString(value.longValue()) : value.toString();
    }

    static BigInteger add(BigInteger a, BigInteger b, Token operator) throws ExpressionException {
        return bounded(a.add(b), operator);
    }

    static BigInteger subtract(BigInteger a, BigInteger b, Token operator) throws ExpressionException {
        return bounded(a.subtract(b), operator);
    }

    static BigInteger multiply(BigInteger a, BigInteger b, Token operator) throws ExpressionException {
        // |a| > 2^(bitLength(a) - 1), so the product needs at least bitLength(a) + bitLength(b) - 2
        // bits: refuse before spending the multiplication when that alone is over the cap.
        if (a.bitLength() + b.bitLength() - 2 > MAX_BITS) {
            throw overCap(operator);
        }
        return bounded(a.multiply(b), operator);
    }

    /** {@code a <<^ b} = {@code (a << 13) XOR b} on unbounded two's complement (docs/protocol.md §4). */
    static BigInteger shiftXor(BigInteger a, BigInteger b, Token operator) throws ExpressionException {
        return bounded(a.shiftLeft(SHIFT).xor(b), operator);
    }

    /**
     * What one operation costs, in 64-bit word operations, as an upper bound on what {@link BigInteger} spends
     * on it: linear in the operands' words for {@code + - <<^} (each also allocates its result), their product
     * for {@code *} and {@code //} (schoolbook; the JDK's faster algorithms only start above the cap's sizes).
     */
    static long cost(TokenType operation, BigInteger a, BigInteger b) {
        long wordsA = a.bitLength() / 64 + 1;
        long wordsB = b.bitLength() / 64 + 1;
        return switch (operation) {
            case STAR, SLASH_SLASH, SLASH -> wordsA * wordsB;
            default -> wordsA + wordsB;
        };
    }

    static ExpressionException overWork(Token operator) {
        return Problems.tooLarge(
                operator.start(),
                "work of the question up to " + operator.describe(),
                "more than the limit of " + MAX_WORK + " word operations for one question");
    }

    /**
     * Whether a value and its quotients fit in a long without overflow: below 2^62 in magnitude even
     * {@code Long.MIN_VALUE / -1} cannot occur. JDK 17's {@code divideAndRemainder} allocates several
     * {@code MutableBigInteger}s, so the long path matters on the one-liner hot path.
     */
    private static boolean fitsLong(BigInteger value) {
        return value.bitLength() < 63;
    }

    private static BigInteger bounded(BigInteger value, Token operator) throws ExpressionException {
        if (value.bitLength() > MAX_BITS) {
            throw overCap(operator);
        }
        return value;
    }

    private static ExpressionException overCap(Token operator) {
        return Problems.tooLarge(
                operator.start(), "result of " + operator.describe(), "more than the limit of " + MAX_BITS + " bits");
    }
}
