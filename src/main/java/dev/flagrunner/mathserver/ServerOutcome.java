package dev.flagrunner.mathserver;

/** How a connection to the reference server ended (tag {@code outcome} of {@code flagrunner.mathserver.sessions}). */
public enum ServerOutcome {
    FLAG_SENT,
    UNKNOWN_STUDENT,
    WRONG_ANSWER,
    PROTOCOL_VIOLATION,
    /** Silent past the idle timeout, waiting for one message. */
    TIMEOUT,
    /** Still talking at the session deadline, however promptly each message came. */
    DEADLINE,
    /** Closed at once, unread: the server was at a connection cap (total, or one address's). */
    BUSY,
    CLIENT_CLOSED,
    ERROR;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
