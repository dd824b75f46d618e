package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.FlagrunnerApplication;
import dev.flagrunner.support.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A session's slot is free as soon as the session is seen as ended, while its thread is still on its
 * way back to the pool: a start in that moment must run, not fail with "the executor refused".
 */
class SessionSlotsTest {

    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(FlagrunnerApplication.class)
                .run(
                        "--server.port=0",
                        "--flagrunner.session.max-concurrent=1",
                        "--flagrunner.embedded-server.questions.min=1",
                        "--flagrunner.embedded-server.questions.max=1");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aSessionStartedTheMomentTheLastOneEndedRuns() throws InterruptedException {
        SessionService service = context.getBean(SessionService.class);
        for (int i = 0; i < 300; i++) {
            SessionRecord record = service.start(
                    new SessionRequest("slot-" + i, null, null, null, null, null, null), TestTokens.ALL_CALLER);

            assertThat(record.await(Duration.ofSeconds(10)))
                    .as("session %d ended", i)
                    .isTrue();
            assertThat(record.status())
                    .as("session %d: %s", i, record.view().failure())
                    .isEqualTo(SessionStatus.FLAG_CAPTURED);
        }
    }
}
