package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every bad request gets its own documented problem type; none is a 500. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.embedded-server.questions.min=5",
            "flagrunner.embedded-server.questions.max=5",
            "flagrunner.embedded-server.dialects=status",
            "flagrunner.embedded-server.tls=false",
            "flagrunner.session.history=9", // three run tokens: a share of 3 sessions each
            "flagrunner.targets.remote.host=10.255.255.1",
            "flagrunner.targets.remote.port=27995",
            "flagrunner.allowed-endpoints=127.0.0.1:1"
        })
@ExtendWith(OutputCaptureExtension.class)
class ProblemsTest extends RandomPortTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTenMegabyteBodyIs413WithoutBeingRead() {
        byte[] huge = ("{\"studentId\":\"" + "1".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);

        assertProblem(http.post("/sessions", "application/json", huge), 413, "body-too-large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/flags?studentId=%ZZ", "/sessions?status=%ZZ", "/flags?studentId=%2"})
    void aBadlyEncodedQueryIs400AndNoErrorInTheLog(String target, CapturedOutput output) {
        RawHttp.Response r = RawHttp.send(port, "GET", target);

        assertProblem(r, 400, "malformed-request");
        assertThat(r.body()).doesNotContain("%ZZ");
        assertThat(output.getAll()).doesNotContain("InvalidParameterException").doesNotContain("unexpected error");
    }

    /** Requests Tomcat refuses before any servlet runs: its error report is a problem too, not an HTML page. */
    static Stream<Arguments> requestsTheContainerRefuses() {
        return Stream.of(
                Arguments.of("an encoded slash in the path", "/flags/a%2Fb"),
                Arguments.of("an encoded NUL in the path", "/flags/%00"),
                Arguments.of("'<' unencoded in the query", "/flags?studentId=<"),
                Arguments.of("a 100 KB query string", "/flags?studentId=" + "a".repeat(100 * 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsTheContainerRefuses")
    void aRequestTheContainerRefusesIsAProblem(String what, String target) {
        RawHttp.Response r = RawHttp.send(port, "GET", target);

        assertProblem(r, 400, "malformed-request");
        assertThat(r.body()).doesNotContain("studentId").doesNotContain("a%2Fb").doesNotContain("<");
    }

    @Test
    void traceIs405ProblemNamingTheMethodsOfTheResource() {
        RawHttp.Response r = RawHttp.send(port, "TRACE", "/sessions", "Accept: text/html", "X-Secret: s3cret");

        assertProblem(r, 405, "method-not-allowed");
        assertThat(r.header("Allow").split(",\\s*")).containsExactlyInAnyOrder("GET", "POST");
        assertThat(r.json().get("detail").asString()).contains("TRACE");
        assertThat(r.body()).doesNotContain("s3cret");

        RawHttp.Response one = RawHttp.send(port, "TRACE", "/sessions/4b1d");
        assertProblem(one, 405, "method-not-allowed");
        assertThat(one.header("Allow").split(",\\s*")).containsExactlyInAnyOrder("GET", "DELETE");
    }

    @Test
    void traceOfAnUnknownPathIs404() {
        assertProblem(RawHttp.send(port, "TRACE", "/nothing-here"), 404, "not-found");
    }

    @Test
    void deletingASessionThatHadEndedIs409AndChangesNothing() {
        Http.Response ended = http.postJson("/sessions", "{\"studentId\":\"done\"}");
        String id = ended.json().get("id").asString();

        Http.Response r = http.delete("/sessions/" + id);

        assertProblem(r, 409, "session-ended");
        assertThat(r.json().get("detail").asString()).contains("FLAG_CAPTURED");
        assertThat(http.get("/sessions/" + id).json().get("status").asString()).isEqualTo("FLAG_CAPTURED");
    }

    @Test
    void anAllowedEndpointMayBeNamedAdHoc() {
        // Allowed (flagrunner.allowed-endpoints), so the session runs; nothing listens there: it fails as data.
        Http.Response r = http.postJson("/sessions", "{\"studentId\":\"1\",\"host\":\"127.0.0.1\",\"port\":1}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(r.json().get("failure").get("reason").asString()).isEqualTo("CONNECT_FAILED");
        assertThat(r.json().get("target").get("name").asString()).isEqualTo("ad-hoc");
    }

    /** test-all's share of the history is a third of it: three sessions. */
    @Test
    void theHistoryIsBoundedAndNewestFirst() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(http.postJson("/sessions", "{\"studentId\":\"h" + i + "\"}")
                    .json()
                    .get("id")
                    .asString());
        }

        List<String> listed = http.get("/sessions").json().findValuesAsString("id");

        assertThat(listed).containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertProblem(http.get("/sessions/" + ids.get(0)), 404, "session-not-found");
    }

    static void assertProblem(Http.Response r, int status, String slug) {
        assertProblem(r.status(), r.contentType(), r.body(), status, slug);
    }

    static void assertProblem(RawHttp.Response r, int status, String slug) {
        assertProblem(r.status(), r.header("Content-Type"), r.body(), status, slug);
    }

    private static void assertProblem(int actualStatus, String contentType, String body, int status, String slug) {
        assertThat(actualStatus).as(body).isEqualTo(status);
        assertThat(contentType).as(body).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.has("trace")).isFalse();
    }
}
