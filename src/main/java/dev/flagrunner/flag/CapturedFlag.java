package dev.flagrunner.flag;

import java.time.Instant;

/** A flag a session captured, as {@code GET /flags} lists it. */
public record CapturedFlag(
        String studentId,
        String flag,
        String target,
        String dialect,
        String classId,
        String sessionId,
        Instant capturedAt) {

    /** What makes two captures the same entry: capturing a flag again refreshes it, it does not duplicate. */
    record Key(String target, String studentId, String flag) {}

    Key key() {
        return new Key(target, studentId, flag);
    }

    @Override
    public String toString() {
        // Flags stay out of anything that may be logged by accident.
        return "CapturedFlag[studentId=" + studentId + ", target=" + target + ", sessionId=" + sessionId + "]";
    }
}
