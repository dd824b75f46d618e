package dev.flagrunner.protocol;

import java.io.IOException;

/**
 * A line (a message, for a dialect without line ends) longer than its reader allows. The message gives
 * both numbers, as netty's {@code LineBasedFrameDecoder} does, and never echoes the payload: {@code line
 * length (8193) exceeds the allowed maximum (8192)}, or {@code line length (at least 8193) …} when the
 * reader stopped before the line's end. What follows is the reader's choice, said in its javadoc:
 * {@link LineReader} is done (the session ends), the {@code eval} command's reader skips to the next line.
 */
public final class LineTooLongException extends IOException {

    private final int limit;

    /** A line of exactly {@code length} characters or bytes. */
    public LineTooLongException(long length, int limit) {
        this(Long.toString(length), limit);
    }

    private LineTooLongException(String length, int limit) {
        super("line length (" + length + ") exceeds the allowed maximum (" + limit + ")");
        this.limit = limit;
    }

    /** A line that was not read to its end: {@code seen} is what is known of its length. */
    public static LineTooLongException atLeast(long seen, int limit) {
        return new LineTooLongException("at least " + seen, limit);
    }

    public int limit() {
        return limit;
    }
}
