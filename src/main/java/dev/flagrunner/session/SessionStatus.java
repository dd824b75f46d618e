package dev.flagrunner.session;

/** The state of a session. */
enum SessionStatus {
    RUNNING,
    FLAG_CAPTURED,
    FAILED,
    CANCELLED
}
