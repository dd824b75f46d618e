package dev.flagrunner.support;

import java.util.Random;

/**
 * A property checked on generated values, on plain JUnit 5: {@code tries} times, each try drawing its
 * values from a {@link Draw} seeded from one base seed. The base seed is fixed (so the build is
 * repeatable) unless the system property {@value #SEED_PROPERTY} gives another, e.g.
 * {@code ./mvnw test -Dtest=EvalPropertyTest -Dflagrunner.seed=42}; a failure names the seed and the try,
 * and the same seed fails the same way again.
 */
public final class SeededProperty {

    public static final String SEED_PROPERTY = "flagrunner.seed";

    /** The base seed when none is given: any fixed value works; this one is the project's start date. */
    private static final long DEFAULT_SEED = 20_260_401L;

    /** One try of a property; it fails by throwing (an AssertJ assertion, usually). */
    @FunctionalInterface
    public interface Check {
        void check(Draw draw) throws Exception;
    }

    private SeededProperty() {}

    /** Runs {@code check} {@code tries} times with the base seed; the first failure ends the run. */
    public static void forAll(int tries, Check check) {
        long seed = seed();
        for (int i = 0; i < tries; i++) {
            Random random = new Random(seed + 0x9E3779B97F4A7C15L * i); // try i depends only on (seed, i)
            try {
                check.check(new Draw(random));
            } catch (Exception | AssertionError e) {
                throw new AssertionError(
                        "property failed at try " + (i + 1) + " of " + tries + " with seed " + seed
                                + " (repeat it with -D" + SEED_PROPERTY + "=" + seed + "): " + e.getMessage(),
                        e);
            }
        }
    }

    static long seed() {
        String given = System.getProperty(SEED_PROPERTY);
        if (given == null || given.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a whole number: " + given, e);
        }
    }
}
