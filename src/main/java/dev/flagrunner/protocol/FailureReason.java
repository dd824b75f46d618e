package dev.flagrunner.protocol;

/** Why a session ended without a flag (DESIGN.md §3). Stable names: dashboards and scripts rely on them. */
public enum FailureReason {
    CONNECT_FAILED,
    CONNECT_TIMEOUT,
    TLS_HANDSHAKE_FAILED,
    READ_TIMEOUT,
    SERVER_CLOSED,
    ANSWER_REJECTED,
    MALFORMED_MESSAGE,
    LINE_TOO_LONG,
    UNSUPPORTED_EXPRESSION,
    UNKNOWN_STUDENT,
    CANCELLED,
    INTERNAL_ERROR
}
