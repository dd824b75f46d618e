package dev.flagrunner.flag;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A flag a session captured, as {@code GET /flags} lists it. */
public record CapturedFlag(
        String studentId,
        String flag,
        String target,
        String dialect,
        String classId,
        String sessionId,
        Instant capturedAt,

        @Schema(
                description = "the name of the token whose session captured it (README, section Security)",
                example = "grader")
        String owner) {

    /**
     * What makes two captures the same entry: capturing a flag again refreshes it, it does not duplicate. The
     * owner is part of it, so one caller's capture never takes another's entry away.
     */
    record Key(String owner, String target, String studentId, String flag) {}

    Key key() {
        return new Key(owner, target, studentId, flag);
    }

    @Override
    public String toString() {
        // Flags stay out of anything that may be logged by accident.
        return "CapturedFlag[studentId=" + studentId + ", target=" + target + ", sessionId=" + sessionId + ", owner="
                + owner + "]";
    }
}
