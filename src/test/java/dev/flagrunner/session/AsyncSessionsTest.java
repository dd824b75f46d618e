package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.support.HeldStatusServer;
import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Running sessions: 202 and polling, async start, cancel, 429. Each session's server holds it after the
 * first answer until the test releases it, so "still running" depends on no clock or machine load.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.session.wait=100ms",
            "flagrunner.session.max-concurrent=3",
            "flagrunner.session.read-timeout=2m",
            "flagrunner.allowed-endpoints=127.0.0.1:1024-65535",
            "flagrunner.security.max-sessions-per-token=3"
        }) // the global cap, not the per-token one
class AsyncSessionsTest extends RandomPortTest {

    private HeldStatusServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new HeldStatusServer();
    }

    @AfterEach
    void noSessionLeftRunning() throws IOException {
        server.release();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/sessions?status=RUNNING").json().isEmpty());
        server.close();
    }

    /** A session of this student against the held server. */
    private String body(String studentId) {
        return "{\"studentId\":\"" + studentId + "\",\"host\":\"127.0.0.1\",\"port\":" + server.port() + "}";
    }

    @Test
    void aSlowSessionAnswers202ThenEndsAndPollingSeesItsFlag() {
        Http.Response started = http.postJson("/sessions", body("slow-1"));

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("status").asString()).isEqualTo("RUNNING");
        assertThat(started.json().has("flag")).isFalse();
        String location = started.header("Location");
        assertThat(location).isEqualTo("/sessions/" + started.json().get("id").asString());

        server.release();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode s = http.get(location).json();
            assertThat(s.get("status").asString()).isEqualTo("FLAG_CAPTURED");
            assertThat(s.get("questionsAnswered").asInt()).isEqualTo(HeldStatusServer.QUESTIONS);
            assertThat(s.get("flag").asString()).isEqualTo(HeldStatusServer.flag("slow-1"));
        });
    }

    @Test
    void preferRespondAsyncAnswers202AtOnceWithProgress() {
        Http.Response started = http.postJson("/sessions", body("async-1"), "Prefer", "respond-async");

        assertThat(started.status()).isEqualTo(202);
        String location = started.header("Location");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get(location).json().get("questionsAnswered").asInt() == 1);
        assertThat(http.get(location).json().get("status").asString()).isEqualTo("RUNNING");
    }

    @Test
    void deleteCancelsARunningSession() {
        String location = http.postJson("/sessions", body("cancel-1"), "Prefer", "respond-async")
                .header("Location");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get(location).json().get("questionsAnswered").asInt() == 1);

        Http.Response cancelled = http.delete(location);

        assertThat(cancelled.status()).isEqualTo(200);
        JsonNode s = cancelled.json();
        assertThat(s.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(s.get("failure").get("reason").asString()).isEqualTo("CANCELLED");
        assertThat(s.get("questionsAnswered").asInt()).isEqualTo(1);
        assertThat(http.get("/sessions?status=CANCELLED").json().findValuesAsString("id"))
                .contains(s.get("id").asString());
    }

    @Test
    void aBurstBeyondMaxConcurrentGets429WithRetryAfter() throws Exception {
        ExecutorService burst = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Response>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = "burst-" + i;
                responses.add(burst.submit(() -> http.postJson("/sessions", body(id), "Prefer", "respond-async")));
            }
            List<Http.Response> tooMany = new ArrayList<>();
            int accepted = 0;
            for (Future<Http.Response> f : responses) {
                Http.Response r = f.get();
                if (r.status() == 429) {
                    tooMany.add(r);
                } else {
                    assertThat(r.status()).isEqualTo(202);
                    accepted++;
                }
            }
            assertThat(accepted).isEqualTo(3);
            assertThat(tooMany).hasSize(5).allSatisfy(r -> {
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(r.json().get("type").asString()).isEqualTo("/problems/too-many-sessions");
            });
        } finally {
            burst.shutdown();
        }
    }
}
