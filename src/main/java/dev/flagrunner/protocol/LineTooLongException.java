package dev.flagrunner.protocol;

import java.io.IOException;

/** A message longer than the dialect allows. The message gives both numbers and never echoes the payload. */
public final class LineTooLongException extends IOException {

    private final int limit;

    public LineTooLongException(long length, int limit, boolean atLeast) {
        super("message length " + (atLeast ? "exceeds " : "(" + length + ") exceeds ")
                + "the allowed maximum (" + limit + " bytes)");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
