package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.PlainStatusService;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service answers only for its own host names: a DNS-rebinding page gets a 421 and nothing of the service. */
@PlainStatusService // which allows the extra host name flagrunner.internal
class HostNamesTest extends RandomPortTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /flags",
                "GET /sessions",
                "POST /sessions",
                "GET /v3/api-docs",
                "GET /actuator",
                "GET /actuator/health",
                "GET /nothing-here"
            })
    void anotherHostIs421AndNothingIsServedOrEchoed(String request) {
        String[] methodAndPath = request.split(" ");
        RawHttp.Response r = RawHttp.send(
                port,
                methodAndPath[0],
                methodAndPath[1],
                "Host: rebind.attacker.example",
                "Content-Type: application/json",
                "Content-Length: 21",
                "",
                "{\"studentId\":\"dns\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(421);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/misdirected-request");
        assertThat(r.json().get("instance").asString()).isEqualTo(methodAndPath[1]);
        assertThat(r.body()).doesNotContain("attacker");
        assertThat(r.json().get("detail").asString())
                .as("the detail names no allowed host to whoever asks")
                .isEqualTo("this service does not answer for the host name in the request"
                        + " (flagrunner.web.allowed-host-names adds names)")
                .doesNotContain("flagrunner.internal")
                .doesNotContain("localhost");
        assertThat(http.get("/sessions").body()).doesNotContain("\"dns\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "[::1]", "flagrunner.internal", "localhost."})
    void itsOwnNamesAreServedWithOrWithoutAPort(String host) {
        assertThat(RawHttp.send(port, "GET", "/actuator/health", "Host: " + host)
                        .status())
                .isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/flags", "Host: " + host + ":" + port)
                        .status())
                .isEqualTo(200);
    }
}
