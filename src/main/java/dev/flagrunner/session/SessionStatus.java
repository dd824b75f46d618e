package dev.flagrunner.session;

/** The state of a session. */
public enum SessionStatus {
    RUNNING,
    FLAG_CAPTURED,
    FAILED,
    CANCELLED
}
