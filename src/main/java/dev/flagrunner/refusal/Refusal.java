package dev.flagrunner.refusal;

/** Why a request is refused; {@code web} maps each to its problem type (docs/architecture.md §6). */
public enum Refusal {
    /** A value of the request is not one the service accepts. */
    INVALID,
    /** The request names a target that is not configured. */
    UNKNOWN_TARGET,
    /** The request names a dialect that does not exist. */
    UNKNOWN_DIALECT,
    /** The target exists but cannot serve this request now (no listener for it, no TLS for it). */
    TARGET_UNAVAILABLE,
    /** The request names an endpoint that is neither a target nor allowed. */
    ENDPOINT_NOT_ALLOWED,
    /** The caller may not do this to this thing (another token's session). */
    NOT_PERMITTED,
    /** No session with that id, or none the caller may see. */
    SESSION_NOT_FOUND,
    /** The session had ended already: nothing was done. */
    SESSION_ENDED,
    /** Too many sessions are running, for the caller or for the service; try again later. */
    TOO_MANY_SESSIONS,
    /** The service is stopping and starts nothing new. */
    SHUTTING_DOWN,
    /** The durable store could not record what the request would start: nothing was started. */
    STORE_UNAVAILABLE
}
