package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.FlagrunnerApplication;
import dev.flagrunner.flag.FlagStore;
import dev.flagrunner.support.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Shutdown lets running sessions end within the grace period, cancels the rest, and loses no flag. */
class GracefulShutdownTest {

    private static ConfigurableApplicationContext start(String grace, int questions) {
        // Command-line arguments: they win over ./application.yml, as in production.
        return new SpringApplicationBuilder(FlagrunnerApplication.class)
                .run(
                        "--server.port=0",
                        "--flagrunner.embedded-server.faults=delay=20",
                        "--flagrunner.embedded-server.questions.min=" + questions,
                        "--flagrunner.embedded-server.questions.max=" + questions,
                        "--flagrunner.session.shutdown-grace=" + grace);
    }

    private static List<SessionRecord> startSessions(ConfigurableApplicationContext context, int n) {
        SessionService service = context.getBean(SessionService.class);
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(service.start(
                    new SessionRequest("shutdown-" + i, null, null, null, null, null, null), TestTokens.ALL_CALLER));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> records.stream().allMatch(r -> r.client().answered() > 0));
        return records;
    }

    @Test
    void sessionsThatEndWithinTheGracePeriodKeepTheirFlags() {
        ConfigurableApplicationContext context = start("20s", 25);
        List<SessionRecord> records = startSessions(context, 3);
        FlagStore store = context.getBean(FlagStore.class);

        context.close();

        assertThat(records).allSatisfy(r -> assertThat(r.status()).isEqualTo(SessionStatus.FLAG_CAPTURED));
        assertThat(store.list(null, TestTokens.ALL_CALLER))
                .extracting("sessionId")
                .containsExactlyInAnyOrderElementsOf(
                        records.stream().map(SessionRecord::id).toList());
    }

    @Test
    void sessionsStillRunningAfterTheGracePeriodAreCancelled() {
        ConfigurableApplicationContext context = start("200ms", 10_000);
        List<SessionRecord> records = startSessions(context, 3);

        context.close();

        assertThat(records).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(SessionStatus.CANCELLED);
            assertThat(r.view().failure().reason()).isEqualTo("CANCELLED");
        });
    }
}
