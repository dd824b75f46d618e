package dev.flagrunner.mathserver;

/** How a connection to the reference server ended (tag {@code outcome} of {@code flagrunner.mathserver.sessions}). */
public enum ServerOutcome {
    FLAG_SENT,
    UNKNOWN_STUDENT,
    WRONG_ANSWER,
    PROTOCOL_VIOLATION,
    TIMEOUT,
    CLIENT_CLOSED,
    ERROR;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
