package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.Scrape;
import dev.flagrunner.support.ScriptedServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * {@code flagrunner.session.max-duration}: a server that asks one question and then goes quiet no longer holds
 * a session slot until the read timeout; the session fails with {@code SESSION_TIMEOUT} at the limit. The read
 * timeout is far above the limit, so the reason alone shows which ended it; the limit is far above an embedded
 * 20-question session, also on a loaded machine.
 */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.session.max-duration=2s", "flagrunner.session.read-timeout=60s",
            "flagrunner.embedded-server.questions.min=20", "flagrunner.embedded-server.questions.max=20",
            "flagrunner.allowed-endpoints=127.0.0.1:1024-65535"
        })
class MaxDurationTest extends RandomPortTest {

    @Test
    void aSlowServerEndsTheSessionWithSessionTimeout() throws Exception {
        try (ScriptedServer slow =
                new ScriptedServer(ScriptedServer.oneQuestionThenQuiet("cs5700fall2020 STATUS 6 * 7"))) {
            Http.Response r = http.postJson(
                    "/sessions", "{\"studentId\":\"001234567\",\"host\":\"127.0.0.1\",\"port\":" + slow.port() + "}");

            JsonNode body = r.json();
            assertThat(r.status()).isEqualTo(201);
            assertThat(body.get("status").asString()).as(r.body()).isEqualTo("FAILED");
            assertThat(body.get("failure").get("reason").asString()).isEqualTo("SESSION_TIMEOUT");
            assertThat(body.get("failure").get("detail").asString())
                    .isEqualTo("the session reached its limit of"
                            + " 2000 ms after answer 1 (flagrunner.session.max-duration, client --max-duration)");
            assertThat(body.get("questionsAnswered").asInt()).isEqualTo(1);
            assertThat(slow.awaitDone(10))
                    .as("the session closed its connection")
                    .isTrue();
        }
        assertThat(Scrape.parse(http.get("/actuator/prometheus").body())
                        .sum("flagrunner_sessions_total", "reason", "SESSION_TIMEOUT"))
                .isEqualTo(1.0);
    }

    @Test
    void aSessionWithinTheLimitIsNotCut() {
        JsonNode body =
                http.postJson("/sessions", "{\"studentId\":\"001234567\"}").json();

        assertThat(body.get("status").asString()).isEqualTo("FLAG_CAPTURED");
    }
}
