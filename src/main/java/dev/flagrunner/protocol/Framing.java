package dev.flagrunner.protocol;

/** How messages are delimited on the wire. */
public enum Framing {
    /**
     * One line feed ends each message. The client accepts a CR before the LF (the CS230 mock's
     * {@code crlf} mode) and strips it; it sends exactly one LF and never a CR.
     */
    LINE_FEED,
    /**
     * No delimiter: each read is one message and each message must go out in one write (EECE7374's
     * sample server). Fragile by nature; it is what the dialect is.
     */
    ONE_READ_PER_MESSAGE
}
