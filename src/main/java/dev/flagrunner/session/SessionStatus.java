package dev.flagrunner.session;

import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.protocol.SessionFailure;

/** The state of a session. */
enum SessionStatus {
    RUNNING,
    FLAG_CAPTURED,
    FAILED,
    CANCELLED;

    /** The one mapping of how a session ended to its status: no failure is a capture, a cancel is CANCELLED. */
    static SessionStatus endedBy(SessionFailure failure) {
        if (failure == null) {
            return FLAG_CAPTURED;
        }
        return failure.reason() == FailureReason.CANCELLED ? CANCELLED : FAILED;
    }
}
