package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.mathserver.FlagMinter;
import dev.flagrunner.support.Flags;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.embedded-server.secret=test-secret",
            "flagrunner.embedded-server.questions.min=20",
            "flagrunner.embedded-server.questions.max=60"
        })
class SessionApiTest extends RandomPortTest {

    private static final FlagMinter MINTER = Flags.minter("test-secret");

    @Test
    void capturesTheFlagThroughRestAndListsIt() {
        Http.Response r = http.postJson("/sessions", "{\"studentId\":\"001234567\"}");

        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(r.header("Location")).isEqualTo("/sessions/" + body.get("id").asString());
        assertThat(body.get("status").asString()).isEqualTo("FLAG_CAPTURED");
        assertThat(body.get("flag").asString()).matches("[0-9a-f]{64}");
        assertThat(body.get("questionsAnswered").asInt()).isBetween(20, 60);
        assertThat(body.get("target").get("name").asString()).isEqualTo("embedded");
        assertThat(body.get("target").get("dialect").asString()).isEqualTo("status");
        assertThat(body.has("failure")).isFalse();

        JsonNode flags = http.get("/flags").json();
        assertThat(flags.findValuesAsString("flag")).contains(body.get("flag").asString());
        assertThat(http.get("/sessions/" + body.get("id").asString())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("FLAG_CAPTURED");
    }

    @Test
    void theStudentIdReachesTheServerWithItsLeadingZeros() {
        JsonNode body = http.postJson("/sessions", "{\"studentId\":\"000042\"}").json();

        // The flag is an HMAC of exactly what the server received as the id.
        assertThat(body.get("flag").asString()).isEqualTo(MINTER.flag(false, "cs5700fall2020", "000042"));
        assertThat(body.get("flag").asString()).isNotEqualTo(MINTER.flag(false, "cs5700fall2020", "42"));
        assertThat(http.get("/flags/000042").json().get(0).get("studentId").asString())
                .isEqualTo("000042");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "findcount", "eval2021", "eval2022", "cs230", "eece"})
    void everyDialectCapturesItsFlagOverPlainAndTls(String dialect) {
        for (boolean tls : new boolean[] {false, true}) {
            Http.Response r = http.postJson(
                    "/sessions", "{\"studentId\":\"001234567\",\"dialect\":\"" + dialect + "\",\"tls\":" + tls + "}");

            JsonNode body = r.json();
            assertThat(body.get("status").asString()).as(r.body()).isEqualTo("FLAG_CAPTURED");
            assertThat(body.get("target").get("dialect").asString()).isEqualTo(dialect);
            String classId = body.get("target").get("classId").asString();
            assertThat(body.get("flag").asString()).isEqualTo(MINTER.flag(tls, classId, "001234567"));
        }
    }

    @Test
    void twoHundredConcurrentSessionsCaptureTwoHundredDistinctFlagsAndNoneIsLost() throws Exception {
        double capturedBefore = capturedCount();
        ExecutorService callers = Executors.newFixedThreadPool(50);
        List<Future<Http.Response>> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = String.format("c%03d", i);
            posts.add(callers.submit(() -> http.postJson("/sessions", "{\"studentId\":\"" + id + "\"}")));
        }
        Set<String> locations = new HashSet<>();
        for (Future<Http.Response> post : posts) {
            Http.Response r = post.get(120, TimeUnit.SECONDS);
            assertThat(r.status()).isIn(201, 202);
            locations.add(r.header("Location"));
        }
        callers.shutdown();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> locations.stream()
                        .allMatch(
                                l -> http.get(l).json().get("status").asString().equals("FLAG_CAPTURED")));
        Set<String> flags = new HashSet<>();
        for (String l : locations) {
            flags.add(http.get(l).json().get("flag").asString());
        }
        assertThat(flags).hasSize(200);
        Set<String> stored = new HashSet<>(http.get("/flags?limit=1000").json().findValuesAsString("flag"));
        assertThat(stored).containsAll(flags);
        assertThat(capturedCount() - capturedBefore).isEqualTo(200.0);
    }

    private double capturedCount() {
        return Scrape.parse(http.get("/actuator/prometheus").body())
                .sum("flagrunner_sessions_total", "status", "FLAG_CAPTURED");
    }

    @Test
    void metricsAreExposedForPrometheus() {
        http.postJson("/sessions", "{\"studentId\":\"m1\"}");

        Http.Response r = http.get("/actuator/prometheus");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .contains("flagrunner_sessions_total{dialect=\"status\",reason=\"none\",status=\"FLAG_CAPTURED\"}")
                .contains("flagrunner_questions_answered_total{dialect=\"status\"}");
        assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }
}
