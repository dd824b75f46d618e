package dev.flagrunner.protocol;

/** Why a session ended without a flag (docs/architecture.md §5, §6.2). Stable names: dashboards and scripts rely on them. */
public enum FailureReason {
    CONNECT_FAILED,
    CONNECT_TIMEOUT,
    TLS_HANDSHAKE_FAILED,
    READ_TIMEOUT,
    SERVER_CLOSED,
    ANSWER_REJECTED,
    MALFORMED_MESSAGE,
    LINE_TOO_LONG,
    /**
     * A server message outgrew the session's own buffer while the running sessions held the whole budget of
     * bytes in flight ({@code flagrunner.session.max-bytes-in-flight}): many servers sending huge messages at once.
     */
    MEMORY_BUDGET,
    UNSUPPORTED_EXPRESSION,
    UNKNOWN_STUDENT,
    /** The server asked more questions than the session's limit (a server that never sends a flag). */
    TOO_MANY_QUESTIONS,
    /** The session ran longer than its wall-clock limit (a server that asks slowly, or never stops). */
    SESSION_TIMEOUT,
    CANCELLED,
    /**
     * The service stopped while the session ran (a kill, a crash, a power cut): the durable store ends it so at the
     * next start. Only the service's sessions have it, never the {@code client} command.
     */
    INTERRUPTED,
    /**
     * The durable store could not keep what the session produced (a full disk, a broken database): its flag, if it
     * had one, was not stored and is not shown. Only the service's sessions have it.
     */
    STORE_FAILED,
    INTERNAL_ERROR
}
