package dev.flagrunner.protocol;

import java.io.IOException;

/**
 * A message that would grow its reader's buffer beyond the base while the shared {@link BytesInFlight} budget
 * is spent by the running sessions. Gives the numbers, never the payload. The reader is done afterwards.
 */
public final class OverBudgetException extends IOException {

    OverBudgetException(long held, int base, long capacity) {
        super("the message reached " + held + " bytes without an end, beyond the " + base
                + " each session holds of its own, while the running sessions held the whole budget of " + capacity
                + " bytes in flight (flagrunner.session.max-bytes-in-flight)");
    }
}
