package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Http;
import dev.flagrunner.support.PlainStatusService;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every error, under /actuator too and from the container or the framework, is an RFC 9457 problem of the catalogue,
 * in UTF-8, with type, title, status, detail and instance, in the service's own words; none logs a stack trace.
 */
@PlainStatusService
@ExtendWith(OutputCaptureExtension.class)
class EveryErrorIsAProblemTest extends RandomPortTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("GET", "/flags", "Accept: garbage///", 406, "not-acceptable"),
                Arguments.of("GET", "/flags", "Accept: application/json;q=0", 406, "not-acceptable"),
                Arguments.of("GET", "/flags", "Accept: application/json;q=0, text/html", 406, "not-acceptable"),
                Arguments.of("GET", "/actuator/health", "Accept: application/xml", 406, "not-acceptable"),
                Arguments.of("GET", "/actuator/health/nope", "X-None: 1", 404, "not-found"),
                Arguments.of("GET", "/actuator/health/a/b", "X-None: 1", 404, "not-found"),
                // Spring Security's firewall refuses a ';' in the path before Actuator sees it.
                Arguments.of("GET", "/actuator/health/..;/env", "X-None: 1", 400, "malformed-request"),
                Arguments.of("GET", "/actuator/nope", "X-None: 1", 404, "not-found"),
                Arguments.of("DELETE", "/actuator/health", "X-None: 1", 405, "method-not-allowed"),
                Arguments.of("GET", "/nope", "X-None: 1", 404, "not-found"),
                Arguments.of("POST", "/flags", "Content-Length: 0", 405, "method-not-allowed"),
                Arguments.of("GET", "/flags?studentId=a&studentId=b", "X-None: 1", 400, "validation"),
                Arguments.of("GET", "/sessions?status=NOPE", "X-None: 1", 400, "validation"),
                Arguments.of("POST", "/sessions", "Content-Encoding: gzip", 415, "unsupported-media-type"),
                Arguments.of("POST", "/sessions", "Content-Length: 70000", 413, "body-too-large"),
                Arguments.of("GET", "/flags/a%2Fb", "X-None: 1", 400, "malformed-request"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("errors")
    void isAProblemInTheServicesOwnWords(
            String method, String path, String header, int status, String slug, CapturedOutput output) {
        RawHttp.Response r = RawHttp.send(port, method, path, header);

        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .as(r.body())
                .startsWith("application/problem+json")
                .satisfies(type -> assertThat(type.contains("charset") ? type.endsWith("charset=UTF-8") : true)
                        .isTrue());
        JsonNode problem = r.json();
        assertThat(problem.get("type").asString()).isEqualTo("/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isEqualTo(titleOf(slug));
        assertThat(problem.get("detail").asString())
                .isNotBlank()
                .doesNotContain("No static resource")
                .doesNotContain("Acceptable representations")
                .doesNotContain("is not supported");
        assertThat(problem.has("instance")).as(r.body()).isTrue();
        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("unexpected error");
    }

    @Test
    void aRepeatedParameterAndAnInvalidEnumNameTheParameterAndTheValidValues() {
        Http.Response repeated = http.get("/flags?studentId=a&studentId=b");
        assertThat(repeated.json().get("errors").get(0).get("field").asString()).isEqualTo("studentId");

        Http.Response status = http.get("/sessions?status=NOPE");
        assertThat(status.json().get("detail").asString())
                .contains("RUNNING")
                .contains("FLAG_CAPTURED")
                .contains("FAILED")
                .contains("CANCELLED");
    }

    @Test
    void anEmptyQueryValueIsAsIfNotGivenForEveryOperation() {
        Http.Response started = http.postJson("/sessions", "{\"studentId\":\"empty-query\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);

        assertThat(http.get("/flags?studentId=").json().findValuesAsString("studentId"))
                .contains("empty-query");
        assertThat(http.get("/sessions?status=").json().findValuesAsString("studentId"))
                .contains("empty-query");
        assertThat(http.get("/flags?limit=&cursor=").status()).isEqualTo(200);
    }

    @Test
    void anHttp09RequestGetsNothing() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /flags\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();

            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1))
                    .isEmpty();
        }
    }

    private static String titleOf(String slug) {
        for (ProblemType type : ProblemType.values()) {
            if (type.slug().equals(slug)) {
                return type.title();
            }
        }
        throw new AssertionError("no problem type " + slug);
    }
}
