package dev.flagrunner.expression;

import java.math.BigInteger;

/**
 * Python's {@code int / int} and the text of {@code str(float)} (= {@code repr} in Python 3), for the
 * EECE dialect (docs/protocol.md §4).
 *
 * <p>Why not {@code Double.toString(a / (double) b)}: it agrees with Python for the spec's operands
 * 1..1000, but JDK 17 sometimes prints more digits than the shortest round-trip form (JDK-4511638,
 * fixed in JDK 19, e.g. {@code 4.9E-324} for Python's {@code 5e-324}), switches to exponent notation at
 * other magnitudes ({@code 1.0E-4} for {@code 0.0001}), and converting a large int to double before
 * dividing rounds twice. Here the quotient is rounded once, as CPython's {@code long_true_divide}
 * does, and printed as CPython's {@code float_repr} does: the shortest digits that read back as the
 * same double (the closest such, ties to even), in fixed notation when the decimal exponent is in
 * -4..15, else as {@code d.ddde±XX}.
 */
final class PythonFloat {

    private static final long SIGNIFICAND_BITS = 52;
    private static final long FRACTION_MASK = (1L << SIGNIFICAND_BITS) - 1;
    private static final int MIN_EXPONENT = -1074; // of the lowest bit of the smallest subnormal
    private static final double LOG10_2 = 0.30102999566398120;
    private static final BigInteger FIVE = BigInteger.valueOf(5);
    /** 10^0 … 10^127, enough for the quotients of ordinary magnitude; the rest are computed. */
    private static final BigInteger[] POWERS_OF_TEN = new BigInteger[128];

    static {
        POWERS_OF_TEN[0] = BigInteger.ONE;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1].multiply(BigInteger.TEN);
        }
    }

    private PythonFloat() {}

    /**
     * {@code a / b} correctly rounded to a double, like Python ({@code b != 0}); infinite where Python
     * raises {@code OverflowError}, signed zero where the quotient underflows.
     */
    static double trueDivide(BigInteger a, BigInteger b) {
        boolean negative = (a.signum() < 0) != (b.signum() < 0);
        BigInteger x = a.abs();
        BigInteger y = b.abs();
        double magnitude = x.bitLength() <= 53 && y.bitLength() <= 53
                // Both exact as doubles: IEEE division rounds once, as CPython's fast path does.
                ? x.longValue() / (double) y.longValue()
                : divideLarge(x, y);
        return negative ? -magnitude : magnitude;
    }

    /** x / y for x >= 0, y > 0, one of them beyond 2^53, with a single rounding to nearest even. */
    private static double divideLarge(BigInteger x, BigInteger y) {
        if (x.signum() == 0) {
            return 0.0;
        }
        int exponent = x.bitLength() - y.bitLength(); // x / y lies in (2^(exponent-1), 2^(exponent+1))
        if (exponent > 1025) {
            return Double.POSITIVE_INFINITY;
        }
        if (exponent < MIN_EXPONENT - 3) {
            return 0.0; // below half the smallest subnormal: rounds to zero
        }
        // Scale so the integer quotient q keeps 2 bits below the double's last bit (55+ bits for a
        // normal result; units of 2^-1076 for a subnormal one), then fold any remainder into the lowest
        // bit ("round to odd") so that a single rounding of q is the correct rounding of x / y.
        int shift = Math.min(55 - exponent, 2 - MIN_EXPONENT);
        BigInteger[] quotientAndRemainder =
                shift >= 0 ? x.shiftLeft(shift).divideAndRemainder(y) : x.divideAndRemainder(y.shiftLeft(-shift));
        long q = quotientAndRemainder[0].longValueExact();
        if (quotientAndRemainder[1].signum() != 0) {
            q |= 1;
        }
        if (shift < 2 - MIN_EXPONENT) {
            return Math.scalb((double) q, -shift); // normal result: long-to-double rounds, scalb is exact
        }
        long significand = q >> 2;
        long dropped = q & 3;
        if (dropped > 2 || (dropped == 2 && (significand & 1) == 1)) {
            significand++;
        }
        // Below 2^53 the raw bits of a double with exponent field 0 or 1 are significand * 2^-1074.
        return Double.longBitsToDouble(significand);
    }

    /** Python's {@code repr(d)}: {@code 2.0}, {@code 0.3333333333333333}, {@code 1e-05}, {@code 1e+16}. */
    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = Double.doubleToRawLongBits(d) < 0 ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        return sign + layout(shortestDigits(Math.abs(d)));
    }

    /** Significant digits (no trailing zeros) and the decimal point's place: value = 0.digits × 10^point. */
    private record Decimal(String digits, int point) {}

    private static Decimal shortestDigits(double d) {
        long bits = Double.doubleToRawLongBits(d);
        int biasedExponent = (int) (bits >>> SIGNIFICAND_BITS);
        long fraction = bits & FRACTION_MASK;
        long significand = biasedExponent == 0 ? fraction : fraction | (1L << SIGNIFICAND_BITS);
        int exponent = biasedExponent == 0 ? MIN_EXPONENT : biasedExponent - 1075;
        // d = significand * 2^exponent. A decimal reads back as d if it lies between the midpoints to
        // d's neighbours, midpoints included when the significand is even (ties go to even). In units
        // of 2^(exponent-2) d is 4s, the upper midpoint 4s+2, the lower 4s-2, or 4s-1 when d is a power
        // of two whose lower neighbour is twice as close.
        long unitsValue = significand << 2;
        long unitsHigh = unitsValue + 2;
        long unitsLow = unitsValue - (fraction == 0 && biasedExponent > 1 ? 1 : 2);
        boolean inclusive = (significand & 1) == 0;
        // Turn units into integers over 10^scale: 2^k = 5^-k / 10^-k for negative k.
        int k = exponent - 2;
        int scale = Math.max(0, -k);
        BigInteger factor = k >= 0 ? null : FIVE.pow(-k);
        BigInteger value = toDecimalUnits(unitsValue, k, factor);
        BigInteger high = toDecimalUnits(unitsHigh, k, factor);
        BigInteger low = toDecimalUnits(unitsLow, k, factor);

        // The largest t such that a multiple of 10^t lies in [low, high]: existence shrinks as t grows,
        // holds for t = digits(value) - 17 (17 digits always suffice) and fails once 10^t > high.
        int found = Math.max(0, (int) ((value.bitLength() - 1) * LOG10_2) + 1 - 17);
        int fails = (int) (high.bitLength() * LOG10_2) + 1;
        while (fails - found > 1) {
            int t = (found + fails) >>> 1;
            if (multipleInRange(powerOfTen(t), low, high, inclusive)) {
                found = t;
            } else {
                fails = t;
            }
        }
        BigInteger unit = powerOfTen(found);
        BigInteger[] quotientAndRemainder = value.divideAndRemainder(unit);
        BigInteger below = quotientAndRemainder[0];
        BigInteger above = quotientAndRemainder[1].signum() == 0 ? below : below.add(BigInteger.ONE);
        BigInteger chosen = closest(below, above, value, unit, low, high, inclusive);
        String digits = chosen.toString();
        int trailingZeros = 0;
        while (digits.charAt(digits.length() - 1 - trailingZeros) == '0') {
            trailingZeros++;
        }
        digits = digits.substring(0, digits.length() - trailingZeros);
        return new Decimal(digits, digits.length() + trailingZeros + found - scale);
    }

    /** units × 2^k as an integer over 10^max(0, -k); {@code factor} is 5^-k when k is negative. */
    private static BigInteger toDecimalUnits(long units, int k, BigInteger factor) {
        BigInteger n = BigInteger.valueOf(units);
        return k >= 0 ? n.shiftLeft(k) : n.multiply(factor);
    }

    private static BigInteger powerOfTen(int exponent) {
        return exponent < POWERS_OF_TEN.length ? POWERS_OF_TEN[exponent] : BigInteger.TEN.pow(exponent);
    }

    private static boolean multipleInRange(BigInteger unit, BigInteger low, BigInteger high, boolean inclusive) {
        BigInteger[] quotientAndRemainder = low.divideAndRemainder(unit);
        BigInteger first = quotientAndRemainder[0];
        if (quotientAndRemainder[1].signum() != 0 || !inclusive) {
            first = first.add(BigInteger.ONE); // the first multiple at or above low that low allows
        }
        return within(first.multiply(unit), low, high, inclusive);
    }

    /** Of the multiples of unit just below and above value, the one in range closest to value (ties: even). */
    private static BigInteger closest(
            BigInteger below,
            BigInteger above,
            BigInteger value,
            BigInteger unit,
            BigInteger low,
            BigInteger high,
            boolean inclusive) {
        if (below.equals(above)) {
            return below;
        }
        BigInteger belowValue = below.multiply(unit);
        BigInteger aboveValue = above.multiply(unit);
        boolean belowOk = within(belowValue, low, high, inclusive);
        boolean aboveOk = within(aboveValue, low, high, inclusive);
        if (belowOk != aboveOk) {
            return belowOk ? below : above;
        }
        int comparison = value.subtract(belowValue).compareTo(aboveValue.subtract(value));
        if (comparison != 0) {
            return comparison < 0 ? below : above;
        }
        return below.testBit(0) ? above : below;
    }

    private static boolean within(BigInteger candidate, BigInteger low, BigInteger high, boolean inclusive) {
        int fromLow = candidate.compareTo(low);
        int fromHigh = candidate.compareTo(high);
        return inclusive ? fromLow >= 0 && fromHigh <= 0 : fromLow > 0 && fromHigh < 0;
    }

    /** CPython's {@code format_float_short} for {@code repr}: fixed for -4 < point <= 16, else exponent. */
    private static String layout(Decimal decimal) {
        String digits = decimal.digits();
        int point = decimal.point();
        int length = digits.length();
        StringBuilder text = new StringBuilder(length + 8);
        if (point <= -4 || point > 16) {
            text.append(digits.charAt(0));
            if (length > 1) {
                text.append('.').append(digits, 1, length);
            }
            int exponent = point - 1;
            text.append(exponent < 0 ? "e-" : "e+");
            if (Math.abs(exponent) < 10) {
                text.append('0');
            }
            return text.append(Math.abs(exponent)).toString();
        }
        if (point <= 0) {
            return text.append("0.").append("0".repeat(-point)).append(digits).toString();
        }
        if (point >= length) {
            return text.append(digits)
                    .append("0".repeat(point - length))
                    .append(".0")
                    .toString();
        }
        return text.append(digits, 0, point)
                .append('.')
                .append(digits, point, length)
                .toString();
    }
}
