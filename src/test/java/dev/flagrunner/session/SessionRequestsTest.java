package dev.flagrunner.session;

import static dev.flagrunner.support.MvcProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.paging.PageRequest;
import dev.flagrunner.support.ApiSlice;
import dev.flagrunner.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code /sessions} requests that are answered before any session runs: a request body the validation refuses
 * and an id the history does not hold. A slice with the real session service (and its embedded server, one plain
 * status listener) behind the controller, without a web server.
 */
@ApiSlice(
        value = SessionController.class,
        properties = {"flagrunner.embedded-server.dialects=status", "flagrunner.embedded-server.tls=false"})
@Import(SessionBeans.class)
class SessionRequestsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    SessionService sessions;

    private MvcTestResult post(String body) {
        return mvc.post()
                .uri("/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.ALL))
                .exchange();
    }

    @Test
    void aWrongContentTypeIs415() {
        MvcTestResult r = mvc.post()
                .uri("/sessions")
                .contentType(MediaType.TEXT_PLAIN)
                .content("studentId=1")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.ALL))
                .exchange();

        assertProblem(r, 415, "unsupported-media-type");
    }

    @Test
    void anUnknownStatusFilterIs400() throws Exception {
        MvcTestResult r = mvc.get()
                .uri("/sessions?status=NOPE")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.ALL))
                .exchange();

        assertProblem(r, 400, "validation");
        assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");
        // The same key order on every run (Map.of's order changes between JVM starts).
        assertThat(r.getResponse().getContentAsString())
                .contains("\"errors\":[{\"field\":\"status\",\"message\":"
                        + "\"must be one of RUNNING, FLAG_CAPTURED, FAILED, CANCELLED\"}]");
    }

    @Test
    void anUnknownSessionIsA404Problem() {
        MvcTestResult r = mvc.get()
                .uri("/sessions/no-such-id")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.ALL))
                .exchange();

        assertThat(r).hasStatus(404).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(r).bodyJson().extractingPath("$.type").isEqualTo("/problems/session-not-found");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"studentId\":null}",
                "{\"studentId\":\"\"}",
                "{\"studentId\":\"   \"}",
                "{\"studentId\":\"0012 34567\"}",
                "{\"studentId\":\"ab\\tc\"}"
            })
    void anInvalidStudentIdIsA400ProblemNamingTheField(String body) {
        MvcTestResult r = post(body);

        assertThat(r).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(r).bodyJson().extractingPath("$.type").isEqualTo("/problems/validation");
        assertThat(r).bodyJson().extractingPath("$.errors[*].field").asArray().contains("studentId");
        assertThat(sessions.page(null, TestTokens.ALL_CALLER, PageRequest.of(null, null))
                        .items())
                .as("no session was started")
                .isEmpty();
    }

    @Test
    void aStudentIdOfMoreThan64CharactersIsRefused() throws Exception {
        MvcTestResult r = post("{\"studentId\":\"" + "1".repeat(65) + "\"}");

        assertThat(r).hasStatus(400);
        assertThat(r)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("64");
        assertThat(r.getResponse().getContentAsString())
                .contains("\"errors\":[{\"field\":\"studentId\",\"message\":\"");
    }
}
