package dev.flagrunner.web;

import static dev.flagrunner.support.MvcProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.flag.FlagApi;
import dev.flagrunner.session.SessionApi;
import dev.flagrunner.support.ApiSlice;
import dev.flagrunner.support.TestTokens;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every bad request that Spring MVC answers before anything runs gets its own documented problem type, none a
 * 500: a body the binding or the target resolver refuses, an Accept no answer fits, a wrong method, an unknown
 * path or session. A slice of {@code /sessions} and {@code /flags} with the real beans behind them and the
 * container's error page; what Tomcat itself refuses, and what needs a session that ran, is in
 * {@code session/ProblemsTest} on a real server.
 */
@ApiSlice(
        value = ErrorProblemController.class,
        properties = {
            "flagrunner.embedded-server.dialects=status",
            "flagrunner.embedded-server.tls=false",
            "flagrunner.targets.remote.host=10.255.255.1",
            "flagrunner.targets.remote.port=27995",
            "flagrunner.allowed-endpoints=127.0.0.1:1"
        })
@Import({SessionApi.class, FlagApi.class})
class RequestProblemsTest {

    @Autowired
    MockMvcTester mvc;

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"studentId\":", 400, "malformed-body", "malformed JSON"),
                Arguments.of("[]", 400, "malformed-body", "the body must be a JSON object"),
                Arguments.of("", 400, "malformed-body", "missing or is not valid JSON"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"port\":\"abc\"}",
                        400,
                        "malformed-body",
                        "field 'port' has the wrong type"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"tls\":\"maybe\"}",
                        400,
                        "malformed-body",
                        "field 'tls' has the wrong type"),
                // Scalars of the wrong JSON type are refused, not coerced (a number is no id, 1.9 is no port, 1 is no
                // boolean).
                Arguments.of(
                        "{\"studentId\":123}",
                        400,
                        "malformed-body",
                        "field 'studentId' has the wrong type: expected String"),
                Arguments.of(
                        "{\"studentId\":true}",
                        400,
                        "malformed-body",
                        "field 'studentId' has the wrong type: expected String"),
                Arguments.of(
                        "{\"studentId\":1.5}",
                        400,
                        "malformed-body",
                        "field 'studentId' has the wrong type: expected String"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"classId\":7}",
                        400,
                        "malformed-body",
                        "field 'classId' has the wrong type"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"port\":\"80\"}",
                        400,
                        "malformed-body",
                        "field 'port' has the wrong type: expected Integer"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"port\":1.9,\"host\":\"127.0.0.1\"}",
                        400,
                        "malformed-body",
                        "field 'port' has the wrong type"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"port\":80.0}",
                        400,
                        "malformed-body",
                        "field 'port' has the wrong type"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"port\":1e20}",
                        400,
                        "malformed-body",
                        "field 'port' has the wrong type"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"port\":99999999999}",
                        400,
                        "malformed-body",
                        "field 'port' has the wrong type: expected Integer"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"tls\":1}",
                        400,
                        "malformed-body",
                        "field 'tls' has the wrong type: expected Boolean"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"tls\":\"true\"}",
                        400,
                        "malformed-body",
                        "field 'tls' has the wrong type"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"tls\":\"\"}", 400, "malformed-body", "field 'tls' has the wrong type"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"port\":\"\"}",
                        400,
                        "malformed-body",
                        "field 'port' has the wrong type"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"frobnicate\":1}",
                        400,
                        "malformed-body",
                        "unknown field 'frobnicate' (known: studentId, target, dialect, host, port, tls, classId)"),
                // Blank is not absent, and two of one key are not the last of them.
                Arguments.of(
                        "{\"studentId\":\"1\",\"port\":\" \"}",
                        400,
                        "malformed-body",
                        "field 'port' has the wrong type"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"tls\":\"\\t\"}",
                        400,
                        "malformed-body",
                        "field 'tls' has the wrong type"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"studentId\":\"2\"}",
                        400,
                        "malformed-body",
                        "field 'studentId' is given more than once"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"target\":\"nope\"}",
                        400,
                        "unknown-target",
                        "unknown target 'nope' (known: embedded, remote)"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"dialect\":\"klingon\"}",
                        400,
                        "unknown-dialect",
                        "unknown dialect 'klingon'"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"host\":\"127.0.0.1\",\"port\":70000}",
                        400,
                        "validation",
                        "port must be between 1 and 65535"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"host\":\"example.com\",\"port\":27995}",
                        403,
                        "endpoint-not-allowed",
                        "endpoint example.com:27995 is not allowed"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"host\":\"192.168.1.1\",\"port\":27995}",
                        403,
                        "endpoint-not-allowed",
                        "is not allowed"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"host\":\"127.0.0.1\",\"port\":2}",
                        403,
                        "endpoint-not-allowed",
                        "endpoint 127.0.0.1:2 is not allowed"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"port\":2}",
                        403,
                        "endpoint-not-allowed",
                        "endpoint 127.0.0.1:2 is not allowed"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"host\":\"10.255.255.1\",\"port\":27996}",
                        403,
                        "endpoint-not-allowed",
                        "endpoint 10.255.255.1:27996 is not allowed"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"dialect\":\"eece\"}",
                        400,
                        "target-unavailable",
                        "no plain listener for dialect eece"),
                // The class string is the first word sent: a caller may not make it another service's command.
                Arguments.of(
                        "{\"studentId\":\"1\",\"classId\":\"SET\"}",
                        400,
                        "validation",
                        "classId must look like a class string"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"classId\":\"cs5700fall2020\\r\\nQUIT\"}",
                        400,
                        "validation",
                        "classId must look like a class string"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"classId\":\"cs-5700\"}",
                        400,
                        "validation",
                        "classId must look like a class string"),
                Arguments.of(
                        "{\"studentId\":\"1\",\"classId\":\"2020fall\"}",
                        400,
                        "validation",
                        "classId must look like a class string"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void aBadSessionRequestIsASpecificProblem(String body, int status, String slug, String detail) {
        MvcTestResult r = postJson(body);

        assertProblem(r, status, slug);
        assertThat(r).bodyJson().extractingPath("$.detail").asString().contains(detail);
    }

    @Test
    void aSessionThatCannotBeAnsweredInJsonIsNeverStarted() {
        MvcTestResult r = postJson("{\"studentId\":\"xml-only\"}", MediaType.APPLICATION_XML);

        assertProblem(r, 406, "not-acceptable");
        assertThat(send(HttpMethod.GET, "/flags/xml-only")).bodyJson().isLenientlyEqualTo("[]");
        assertThat(send(HttpMethod.GET, "/sessions"))
                .bodyJson()
                .extractingPath("$[*].studentId")
                .asArray()
                .doesNotContain("xml-only");
    }

    @Test
    void aListThatCannotBeAnsweredInJsonIs406() {
        assertProblem(send(HttpMethod.GET, "/flags", MediaType.APPLICATION_XML), 406, "not-acceptable");
        assertProblem(send(HttpMethod.GET, "/sessions", MediaType.TEXT_HTML), 406, "not-acceptable");
    }

    @Test
    void anUnknownSessionIs404ForGetAndDelete() {
        assertProblem(send(HttpMethod.GET, "/sessions/4b1d"), 404, "session-not-found");
        assertProblem(send(HttpMethod.DELETE, "/sessions/4b1d"), 404, "session-not-found");
    }

    @Test
    void aWrongMethodIs405AndAnUnknownPathIs404() {
        assertProblem(send(HttpMethod.DELETE, "/flags"), 405, "method-not-allowed");
        assertProblem(send(HttpMethod.GET, "/nothing-here"), 404, "not-found");
        assertProblem(send(HttpMethod.GET, "/error"), 404, "not-found");
    }

    /** A POST of a JSON body; like the wire tests, no Accept header unless one is given. */
    private MvcTestResult postJson(String body, MediaType... accept) {
        MockMvcTester.MockMvcRequestBuilder request = mvc.post()
                .uri("/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return exchange(request, accept);
    }

    private MvcTestResult send(HttpMethod method, String path, MediaType... accept) {
        return exchange(mvc.method(method).uri(path), accept);
    }

    private static MvcTestResult exchange(MockMvcTester.MockMvcRequestBuilder request, MediaType... accept) {
        if (accept.length > 0) {
            request.accept(accept);
        }
        return request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.ALL))
                .exchange();
    }
}
