package dev.flagrunner.session;

import static dev.flagrunner.session.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Http;
import dev.flagrunner.support.PlainStatusService;
import dev.flagrunner.support.RandomPortTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Between the moment the session service stops (shutdown, before the web server has closed its port) and the
 * end, a start is refused with {@code 503 /problems/shutting-down}. Stopping the service is what shutdown does
 * first; the context is thrown away afterwards.
 */
@PlainStatusService
@DirtiesContext
class ShuttingDownTest extends RandomPortTest {

    @Autowired
    SessionService sessions;

    @Test
    void aSessionStartedWhileTheServiceStopsIs503() {
        sessions.stop();

        Http.Response r = http.postJson("/sessions", "{\"studentId\":\"too-late\"}");

        assertProblem(r, 503, "shutting-down");
        assertThat(r.json().get("detail").asString()).contains("shutting down");
        assertThat(http.get("/sessions").json().findValuesAsString("studentId")).doesNotContain("too-late");
    }
}
