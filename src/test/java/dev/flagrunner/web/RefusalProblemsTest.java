package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.refusal.Refusal;
import dev.flagrunner.refusal.RefusedException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Each refusal of the domain has an entry of its own in the catalogue, and a wait is a Retry-After in seconds. */
class RefusalProblemsTest {

    @Test
    void everyRefusalHasItsOwnProblemType() {
        Set<ProblemType> types = Arrays.stream(Refusal.values())
                .map(RefusalProblems::typeOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProblemType.class)));

        assertThat(types).hasSize(Refusal.values().length);
    }

    @Test
    void theStatusesAreTheCataloguesAsBefore() {
        assertThat(RefusalProblems.typeOf(Refusal.INVALID).status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(RefusalProblems.typeOf(Refusal.NOT_PERMITTED)).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(RefusalProblems.typeOf(Refusal.SESSION_ENDED).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(RefusalProblems.typeOf(Refusal.TOO_MANY_SESSIONS).status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(RefusalProblems.typeOf(Refusal.SHUTTING_DOWN).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aWaitIsARetryAfterInWholeSeconds() {
        ApiProblem waiting =
                RefusalProblems.problem(new RefusedException(Refusal.TOO_MANY_SESSIONS, "busy", Duration.ofSeconds(1)));
        ApiProblem notWaiting = RefusalProblems.problem(new RefusedException(Refusal.UNKNOWN_TARGET, "no such"));

        assertThat(waiting.headers()).containsExactlyEntriesOf(java.util.Map.of("Retry-After", "1"));
        assertThat(waiting.getMessage()).isEqualTo("busy");
        assertThat(notWaiting.headers()).isEmpty();
        assertThat(notWaiting.type()).isEqualTo(ProblemType.UNKNOWN_TARGET);
    }
}
