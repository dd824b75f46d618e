package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.Scrape;
import dev.flagrunner.support.ScriptedServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** {@code flagrunner.session.max-questions}: a server that never stops asking ends a session, not holds it. */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.session.max-questions=60",
            "flagrunner.embedded-server.questions.min=60",
            "flagrunner.embedded-server.questions.max=60",
            "flagrunner.allowed-endpoints=127.0.0.1:1024-65535"
        })
class QuestionLimitTest extends RandomPortTest {

    @Test
    void aServerAskingBeyondTheLimitFailsTheSessionWithTooManyQuestions() throws Exception {
        AtomicInteger answers = new AtomicInteger();
        try (ScriptedServer endless = new ScriptedServer(ScriptedServer.askForever("cs5700fall2020", answers))) {
            Http.Response r = http.postJson(
                    "/sessions",
                    "{\"studentId\":\"001234567\",\"host\":\"127.0.0.1\",\"port\":" + endless.port() + "}");

            JsonNode body = r.json();
            assertThat(body.get("status").asString()).as(r.body()).isEqualTo("FAILED");
            assertThat(body.get("failure").get("reason").asString()).isEqualTo("TOO_MANY_QUESTIONS");
            assertThat(body.get("failure").get("detail").asString())
                    .isEqualTo("the server asked question 61, more than the limit of 60 questions"
                            + " (flagrunner.session.max-questions, client --max-questions)");
            assertThat(body.get("questionsAnswered").asInt()).isEqualTo(60);
            assertThat(endless.awaitDone(10)).isTrue();
            assertThat(answers).hasValue(60);
        }
        assertThat(Scrape.parse(http.get("/actuator/prometheus").body())
                        .sum("flagrunner_sessions_total", "reason", "TOO_MANY_QUESTIONS"))
                .isEqualTo(1.0);
    }

    @Test
    void theEmbeddedServersLongestSessionStillFitsTheLimit() {
        JsonNode body =
                http.postJson("/sessions", "{\"studentId\":\"001234567\"}").json();

        assertThat(body.get("status").asString()).isEqualTo("FLAG_CAPTURED");
        assertThat(body.get("questionsAnswered").asInt()).isEqualTo(60);
    }
}
