package dev.flagrunner.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.HoldingServer;
import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.Scrape;
import dev.flagrunner.support.TestTokens;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what, through real HTTP on a random port with the tests' tokens (README, section Security). One
 * context for all: sessions to the configured target {@code slow} (a {@link HoldingServer}) run until they are
 * cancelled, those to the embedded server end at once.
 */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.embedded-server.questions.min=1",
            "flagrunner.embedded-server.questions.max=3",
            "flagrunner.flags.capacity=30", // three tokens with run: a share of 10 each
            "flagrunner.security.max-sessions-per-token=2",
            "flagrunner.session.read-timeout=60s"
        })
class SecurityApiTest extends RandomPortTest {

    private static final HoldingServer SLOW = start();
    private static final String NO_SUCH_SESSION = "/sessions/00000000-0000-0000-0000-000000000000";

    private static HoldingServer start() {
        try {
            return new HoldingServer(16);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void slowTarget(DynamicPropertyRegistry registry) {
        registry.add("flagrunner.targets.slow.host", () -> "127.0.0.1");
        registry.add("flagrunner.targets.slow.port", SLOW::port);
    }

    @AfterAll
    static void stopSlowServer() throws IOException {
        SLOW.close();
    }

    private Http caller(String token) {
        return switch (token) {
            case "NONE" -> http.anonymous();
            case "UNKNOWN" -> http.as("no-such-token-0123456789");
            case "ALL" -> http.as(TestTokens.ALL);
            case "RUN" -> http.as(TestTokens.RUN);
            case "READ" -> http.as(TestTokens.READ);
            case "METRICS" -> http.as(TestTokens.METRICS);
            default -> throw new IllegalArgumentException(token);
        };
    }

    /** Starts a session to the slow target that runs until cancelled; returns its id. */
    private static String startHeld(Http as) {
        Http.Response r =
                as.postJson("/sessions", "{\"studentId\":\"held\",\"target\":\"slow\"}", "Prefer", "respond-async");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    private static void assertProblem(Http.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo(type);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "NONE    | GET    | /sessions               | 401",
                "NONE    | POST   | /sessions               | 401",
                "NONE    | GET    | " + NO_SUCH_SESSION + " | 401",
                "NONE    | DELETE | " + NO_SUCH_SESSION + " | 401",
                "NONE    | GET    | /flags                  | 401",
                "NONE    | GET    | /flags/table            | 401",
                "NONE    | GET    | /mathserver/certificate | 401",
                "NONE    | GET    | /mathserver/listeners   | 401",
                "NONE    | GET    | /actuator/prometheus    | 401",
                "NONE    | GET    | /actuator/info          | 401",
                "NONE    | GET    | /actuator               | 401",
                "NONE    | GET    | /nothing-here           | 401",
                "NONE    | GET    | /actuator/health        | 200",
                "NONE    | GET    | /actuator/health/liveness | 200",
                "NONE    | GET    | /v3/api-docs            | 200",
                "UNKNOWN | GET    | /flags                  | 401",
                "UNKNOWN | GET    | /actuator/health        | 401",
                "UNKNOWN | GET    | /v3/api-docs            | 401",
                "RUN     | GET    | /sessions               | 200",
                "RUN     | POST   | /sessions               | 201",
                "RUN     | GET    | " + NO_SUCH_SESSION + " | 404",
                "RUN     | DELETE | " + NO_SUCH_SESSION + " | 404",
                "RUN     | GET    | /flags                  | 200",
                "RUN     | GET    | /flags/table            | 200",
                "RUN     | GET    | /mathserver/certificate | 403",
                "RUN     | GET    | /mathserver/listeners   | 403",
                "RUN     | GET    | /actuator/prometheus    | 403",
                "RUN     | GET    | /actuator/info          | 403",
                "RUN     | GET    | /actuator/health        | 200",
                "READ    | GET    | /sessions               | 200",
                "READ    | POST   | /sessions               | 403",
                "READ    | GET    | " + NO_SUCH_SESSION + " | 404",
                "READ    | DELETE | " + NO_SUCH_SESSION + " | 403",
                "READ    | GET    | /flags                  | 200",
                "READ    | GET    | /flags/table            | 200",
                "READ    | GET    | /mathserver/certificate | 200",
                "READ    | GET    | /mathserver/listeners   | 200",
                "READ    | GET    | /actuator/prometheus    | 403",
                "READ    | GET    | /actuator/info          | 200",
                "READ    | GET    | /actuator               | 200",
                "METRICS | GET    | /sessions               | 403",
                "METRICS | POST   | /sessions               | 403",
                "METRICS | GET    | " + NO_SUCH_SESSION + " | 403",
                "METRICS | DELETE | " + NO_SUCH_SESSION + " | 403",
                "METRICS | GET    | /flags                  | 403",
                "METRICS | GET    | /flags/table            | 403",
                "METRICS | GET    | /mathserver/certificate | 403",
                "METRICS | GET    | /mathserver/listeners   | 403",
                "METRICS | GET    | /actuator/prometheus    | 200",
                "METRICS | GET    | /actuator/info          | 403",
                "METRICS | GET    | /actuator/health        | 200",
                "ALL     | POST   | /sessions               | 201",
                "ALL     | GET    | /mathserver/certificate | 200",
                "ALL     | GET    | /actuator/prometheus    | 200"
            })
    void eachRoleMayDoWhatItsTableSays(String token, String method, String path, int status) {
        Http as = caller(token);
        Http.Response r =
                method.equals("POST") ? as.postJson(path, "{\"studentId\":\"table\"}") : as.send(method, path);

        assertThat(r.status())
                .as("%s %s as %s: %s", method, path, token, r.body())
                .isEqualTo(status);
        if (status == 401) {
            assertProblem(r, 401, "/problems/unauthorized");
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        } else if (status == 403) {
            assertProblem(r, 403, "/problems/forbidden");
        }
    }

    @Nested
    class Refusals {

        @Test
        void noTokenIsAChallengeAndAnUnknownTokenIsInvalid() {
            assertThat(http.anonymous().get("/flags").header("WWW-Authenticate"))
                    .isEqualTo("Bearer");
            assertThat(http.as("wrong-token").get("/flags").header("WWW-Authenticate"))
                    .isEqualTo("Bearer error=\"invalid_token\"");
        }

        @Test
        void aForbiddenProblemNamesTheRoleNeededAndTheTokensName() {
            Http.Response r = http.as(TestTokens.METRICS).get("/flags");

            assertThat(r.json().get("detail").asString())
                    .isEqualTo("GET /flags needs the role read or run; the token 'test-metrics' has [metrics]");
            assertThat(r.json().get("instance").asString()).isEqualTo("/flags");
        }

        @Test
        void aHeaderThatIsNotOneBearerTokenIs401() {
            for (String header : List.of(
                    "Basic dXNlcjpwYXNz",
                    "Bearer",
                    "Bearer two words",
                    "Bearer " + "x".repeat(600),
                    "Bearer ünïcode")) {
                Http.Response r = http.anonymous().get("/flags", "Authorization", header);
                assertProblem(r, 401, "/problems/unauthorized");
            }
        }

        @Test
        void failedAttemptsAreCountedWithoutTheTokenInTheMetric() {
            double before = scrape().sum("flagrunner_auth_failures_total", "reason", "unknown-token");
            http.as("guessed-token-4711").get("/flags");
            http.as("guessed-token-4712").get("/sessions");

            String exposition =
                    http.as(TestTokens.METRICS).get("/actuator/prometheus").body();
            assertThat(Scrape.parse(exposition).sum("flagrunner_auth_failures_total", "reason", "unknown-token"))
                    .isEqualTo(before + 2);
            assertThat(exposition).doesNotContain("guessed-token").doesNotContain(TestTokens.ALL);
        }

        private Scrape scrape() {
            return Scrape.parse(
                    http.as(TestTokens.METRICS).get("/actuator/prometheus").body());
        }
    }

    @Nested
    class HealthDetails {

        @Test
        void theStatusIsPublicAndTheDetailsNeedRead() {
            JsonNode anonymous = http.anonymous().get("/actuator/health").json();
            JsonNode runner = http.as(TestTokens.RUN).get("/actuator/health").json();
            JsonNode reader = http.as(TestTokens.READ).get("/actuator/health").json();

            assertThat(anonymous.get("status").asString()).isEqualTo("UP");
            assertThat(anonymous.has("components")).isFalse();
            assertThat(runner.has("components")).isFalse();
            assertThat(reader.get("components").get("mathServer").get("details").has("embedded"))
                    .isTrue();
            assertThat(http.anonymous().get("/actuator/health").body()).doesNotContain("diskSpace", "127.0.0.1");
        }

        /** The leak: working directory, disk sizes and listener ports were there for anyone. */
        @Test
        void aComponentsDetailsAreNotThereWithoutRead() {
            for (String component : List.of("mathServer", "diskSpace")) {
                Http.Response anonymous = http.anonymous().get("/actuator/health/" + component);
                Http.Response runner = http.as(TestTokens.RUN).get("/actuator/health/" + component);

                assertThat(anonymous.status()).as(component).isEqualTo(404);
                assertThat(runner.status()).as(component).isEqualTo(404);
                assertThat(anonymous.body() + runner.body()).doesNotContain("127.0.0.1", "path", "free");
                assertThat(http.as(TestTokens.READ)
                                .get("/actuator/health/" + component)
                                .status())
                        .isEqualTo(200);
            }
        }
    }

    @Nested
    class OpenApi {

        @Test
        void declaresTheBearerSchemeForEveryOperation() {
            JsonNode api = http.anonymous().get("/v3/api-docs").json();

            JsonNode scheme = api.get("components").get("securitySchemes").get("bearer");
            assertThat(scheme.get("type").asString()).isEqualTo("http");
            assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
            assertThat(api.get("security").get(0).has("bearer")).isTrue();
            JsonNode listFlags = api.get("paths").get("/flags").get("get").get("responses");
            assertThat(listFlags.get("401").get("description").asString()).startsWith("/problems/unauthorized");
            assertThat(listFlags.get("401").get("content").has("application/problem+json"))
                    .isTrue();
            assertThat(listFlags.get("403").get("content").has("application/problem+json"))
                    .isTrue();
        }
    }

    @Nested
    class Ownership {

        @Test
        void aRunTokenCannotSeeOrCancelAnotherTokensSession() {
            String id = startHeld(http.as(TestTokens.RUN));
            try {
                Http other = http.as(TestTokens.RUN2);
                assertProblem(other.get("/sessions/" + id), 404, "/problems/session-not-found");
                assertProblem(other.delete("/sessions/" + id), 404, "/problems/session-not-found");
                assertThat(other.get("/sessions").json().findValuesAsString("id"))
                        .doesNotContain(id);

                Http reader = http.as(TestTokens.READ);
                assertThat(reader.get("/sessions/" + id).json().get("owner").asString())
                        .isEqualTo("test-run");
                assertThat(reader.get("/sessions").json().findValuesAsString("id"))
                        .contains(id);
                assertProblem(reader.delete("/sessions/" + id), 403, "/problems/forbidden");
                // run and read: it sees the session, and still may not cancel what another token started.
                assertProblem(http.as(TestTokens.ALL).delete("/sessions/" + id), 403, "/problems/forbidden");
                assertThat(http.as(TestTokens.RUN)
                                .get("/sessions/" + id)
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("RUNNING");
            } finally {
                Http.Response cancelled = http.as(TestTokens.RUN).delete("/sessions/" + id);
                assertThat(cancelled.json().get("status").asString())
                        .as(cancelled.body())
                        .isEqualTo("CANCELLED");
            }
        }

        @Test
        void aRunTokenSeesOnlyTheFlagsOfItsOwnSessions() {
            Http runner = http.as(TestTokens.RUN);
            String flag = runner.postJson("/sessions", "{\"studentId\":\"owned-by-run\"}")
                    .json()
                    .get("flag")
                    .asString();

            assertThat(runner.get("/flags").json().findValuesAsString("flag")).contains(flag);
            assertThat(runner.get("/flags/owned-by-run").json().findValuesAsString("flag"))
                    .containsExactly(flag);
            Http other = http.as(TestTokens.RUN2);
            assertThat(other.get("/flags").json().findValuesAsString("flag")).doesNotContain(flag);
            assertThat(other.get("/flags/owned-by-run").json()).isEmpty();
            assertThat(other.get("/flags?studentId=owned-by-run").json()).isEmpty();
            JsonNode seenByReader =
                    http.as(TestTokens.READ).get("/flags/owned-by-run").json();
            assertThat(seenByReader.findValuesAsString("flag")).containsExactly(flag);
            assertThat(seenByReader.get(0).get("owner").asString()).isEqualTo("test-run");
        }
    }

    @Nested
    class FairShares {

        @Test
        void aTokenAtItsCapGets429WhileAnotherTokenIsStillServed() {
            Http runner = http.as(TestTokens.RUN);
            Http other = http.as(TestTokens.RUN2);
            List<Map.Entry<Http, String>> started = new ArrayList<>();
            try {
                started.add(Map.entry(runner, startHeld(runner)));
                started.add(Map.entry(runner, startHeld(runner)));

                Http.Response third = runner.postJson(
                        "/sessions", "{\"studentId\":\"held\",\"target\":\"slow\"}", "Prefer", "respond-async");
                assertProblem(third, 429, "/problems/too-many-sessions");
                assertThat(third.header("Retry-After")).isEqualTo("1");
                assertThat(third.json().get("detail").asString())
                        .contains("'test-run'", "max-sessions-per-token")
                        .doesNotContain(TestTokens.RUN);

                started.add(Map.entry(other, startHeld(other)));
            } finally {
                started.forEach(s -> assertThat(s.getKey()
                                .delete("/sessions/" + s.getValue())
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("CANCELLED"));
            }
            // The cancelled sessions gave their slots back.
            String again = startHeld(runner);
            assertThat(runner.delete("/sessions/" + again).json().get("status").asString())
                    .isEqualTo("CANCELLED");
        }

        @Test
        void oneTokensFloodDoesNotEvictAnotherTokensFlags() {
            Http patient = http.as(TestTokens.ALL);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                kept.add(patient.postJson("/sessions", "{\"studentId\":\"patient" + i + "\"}")
                        .json()
                        .get("flag")
                        .asString());
            }
            Http flooder = http.as(TestTokens.RUN2);
            for (int i = 0; i < 25; i++) {
                Http.Response r = flooder.postJson("/sessions", "{\"studentId\":\"flood" + i + "\"}");
                assertThat(r.json().get("status").asString()).as(r.body()).isEqualTo("FLAG_CAPTURED");
            }

            List<String> stored = http.as(TestTokens.READ).get("/flags").json().findValuesAsString("flag");
            assertThat(stored).containsAll(kept);
            // test-run2's share of flagrunner.flags.capacity (30 for three tokens with run): its newest 10.
            JsonNode floodersOwn = flooder.get("/flags").json();
            assertThat(floodersOwn).hasSize(10);
            assertThat(floodersOwn.get(0).get("studentId").asString()).isEqualTo("flood24");
        }
    }
}
