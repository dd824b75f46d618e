package dev.flagrunner.support;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * The values of one try of a {@link SeededProperty}, all from one seeded {@link Random}. Like the generators
 * the property tests had before, the "any" draws mix in the edge cases (zero, ±1, the type's limits) and
 * small values besides the whole range, since that is where arithmetic goes wrong.
 */
public final class Draw {

    private static final int[] INT_EDGES = {
        0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1
    };
    private static final long[] LONG_EDGES = {
        0, 1, -1, 2, -2, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1
    };
    private static final double[] DOUBLE_EDGES = {
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.01,
        -0.01,
        Double.MIN_VALUE,
        -Double.MIN_VALUE,
        Double.MIN_NORMAL,
        Double.MAX_VALUE,
        -Double.MAX_VALUE
    };

    private final Random random;

    Draw(Random random) {
        this.random = random;
    }

    /** True with probability 1/n. */
    public boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    /** Uniform in [min, max], both included. */
    public int intBetween(int min, int max) {
        return (int) (min + (long) (random.nextDouble() * ((long) max - min + 1)));
    }

    /** Any int: an edge case one time in ten, a small one (±1000) four in ten, else uniform over all ints. */
    public int anyInt() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return INT_EDGES[random.nextInt(INT_EDGES.length)];
        }
        return kind <= 4 ? intBetween(-1000, 1000) : random.nextInt();
    }

    /** Any int except zero (a divisor). */
    public int anyNonZeroInt() {
        int value;
        do {
            value = anyInt();
        } while (value == 0);
        return value;
    }

    /** Any long: an edge case one time in ten, else uniform over all longs. */
    public long anyLong() {
        return oneIn(10) ? LONG_EDGES[random.nextInt(LONG_EDGES.length)] : random.nextLong();
    }

    /**
     * Any finite double: an edge case (signed zeros, subnormal, the limits) one time in ten, a number with
     * two decimals of any magnitude four in ten, else an arbitrary finite bit pattern.
     */
    public double anyFiniteDouble() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)];
        }
        if (kind <= 4) {
            double magnitude = Math.pow(10, random.nextInt(300));
            double value = Math.round((random.nextDouble() * 2 - 1) * magnitude * 100) / 100.0;
            if (Double.isFinite(value)) {
                return value;
            }
        }
        double value;
        do {
            value = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(value));
        return value;
    }

    /** In [min, max], both included: one of the range's edges (and zero, ±1 inside it) one time in ten, else uniform. */
    public BigInteger bigIntegerBetween(BigInteger min, BigInteger max) {
        if (oneIn(10)) {
            List<BigInteger> edges = List.of(min, max, BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate());
            BigInteger edge = edges.get(random.nextInt(edges.size()));
            if (edge.compareTo(min) >= 0 && edge.compareTo(max) <= 0) {
                return edge;
            }
        }
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        BigInteger offset;
        do {
            offset = new BigInteger(span.bitLength(), random);
        } while (offset.compareTo(span) >= 0);
        return min.add(offset);
    }

    /** One of the values, each as likely. */
    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** One of the values, each as likely. */
    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A seed for a {@link Random} of the property's own (e.g. for spacing a printed expression). */
    public long seed() {
        return random.nextLong();
    }
}
