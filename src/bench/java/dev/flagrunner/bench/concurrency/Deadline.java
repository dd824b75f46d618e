package dev.flagrunner.bench.concurrency;

import java.util.concurrent.TimeUnit;

/** The end of the driver's time ({@code --deadline-s}): every wait and loop stops at it. */
record Deadline(long nanos) {

    static Deadline in(int seconds) {
        return new Deadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
    }

    boolean passed() {
        return System.nanoTime() - nanos > 0;
    }

    long remainingMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(nanos - System.nanoTime()));
    }
}
