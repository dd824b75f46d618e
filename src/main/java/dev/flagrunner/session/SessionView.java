package dev.flagrunner.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The JSON body of a session (docs/architecture.md §6.1). {@code flag} only when captured, {@code failure} only when failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionView(
        String id,
        String studentId,

        @Schema(
                description = "the name of the token that started the session (README, section Security)",
                example = "grader")
        String owner,

        ResolvedTarget.View target,
        SessionStatus status,
        String flag,
        Failure failure,
        int questionsAnswered,
        Instant startedAt,
        Instant endedAt,
        Long durationMillis) {

    record Failure(String reason, String detail) {}

    @Override
    public String toString() {
        return "SessionView[id=" + id + ", status=" + status + "]";
    }
}
