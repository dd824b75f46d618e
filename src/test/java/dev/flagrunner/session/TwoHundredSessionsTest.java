package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.Scrape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 7's load case: 200 sessions running at the same time through REST (the embedded server's
 * delay fault keeps each one running for about three seconds), every flag captured, distinct, in the store,
 * and the store's and the meters' counts agreeing.
 */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.session.max-concurrent=200",
            "flagrunner.security.max-sessions-per-token=200", // one caller runs them all
            "flagrunner.embedded-server.faults=delay=40",
            "flagrunner.embedded-server.questions.min=75",
            "flagrunner.embedded-server.questions.max=75"
        })
class TwoHundredSessionsTest extends RandomPortTest {

    @Test
    void twoHundredSessionsRunAtOnceAndEveryFlagIsCapturedStoredAndCounted() throws Exception {
        AtomicInteger peakActive = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(20);
        List<Future<Http.Response>> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = String.format("load%03d", i);
            posts.add(callers.submit(
                    () -> http.postJson("/sessions", "{\"studentId\":\"" + id + "\"}", "Prefer", "respond-async")));
        }
        Set<String> locations = new HashSet<>();
        for (Future<Http.Response> post : posts) {
            Http.Response r = post.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            locations.add(r.header("Location"));
        }
        callers.shutdown();
        assertThat(locations).hasSize(200);

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    int active = (int) scrape().sum("flagrunner_sessions_active");
                    peakActive.accumulateAndGet(active, Math::max);
                    return active == 0;
                });
        assertThat(peakActive.get()).as("sessions running at the same time").isGreaterThanOrEqualTo(150);

        Set<String> flags = new HashSet<>();
        for (String location : locations) {
            Http.Response session = http.get(location);
            assertThat(session.json().get("status").asString())
                    .as(session.body())
                    .isEqualTo("FLAG_CAPTURED");
            flags.add(session.json().get("flag").asString());
        }
        assertThat(flags).hasSize(200);
        List<String> stored = http.get("/flags?limit=1000").json().findValuesAsString("flag");
        assertThat(new HashSet<>(stored)).containsAll(flags);
        Scrape metrics = scrape();
        assertThat(metrics.sum("flagrunner_flags_stored")).isEqualTo(stored.size());
        assertThat(metrics.sum("flagrunner_flags_captured_total")).isEqualTo(stored.size());
        assertThat(metrics.sum("flagrunner_sessions_total", "status", "FLAG_CAPTURED"))
                .isEqualTo(200.0);
    }

    private Scrape scrape() {
        return Scrape.parse(http.get("/actuator/prometheus").body());
    }
}
