package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.ApiSlice;
import dev.flagrunner.support.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code /mathserver/certificate} and {@code /mathserver/listeners} answer from the embedded server, here one
 * plain status listener without TLS: the mapping to 200 and to the problems, without a web server.
 */
@ApiSlice(
        value = {CertificateController.class, ListenersController.class},
        properties = {"flagrunner.embedded-server.dialects=status", "flagrunner.embedded-server.tls=false"})
@Import(EmbeddedMathServer.class)
class MathServerEndpointsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    EmbeddedMathServer embedded;

    private MvcTestResult get(String path) {
        return mvc.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.READ))
                .exchange();
    }

    @Test
    void theCertificateOfAServerWithoutTlsIs404() {
        MvcTestResult r = get("/mathserver/certificate");

        assertThat(r).hasStatus(404).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(r).bodyJson().extractingPath("$.type").isEqualTo("/problems/no-certificate");
        assertThat(r)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("the embedded server has no TLS listener (flagrunner.embedded-server.tls is false)");
    }

    @Test
    void theListenersAreListedAndOnePortIsAnsweredAsText() {
        int port = embedded.listeners().get(0).port();

        assertThat(get("/mathserver/listeners"))
                .hasStatusOk()
                .bodyJson()
                .isEqualTo("[{\"dialect\":\"status\",\"transport\":\"plain\",\"host\":\"127.0.0.1\",\"port\":" + port
                        + "}]");
        MvcTestResult text = get("/mathserver/listeners/status/plain/port");
        assertThat(text).hasStatusOk().hasContentTypeCompatibleWith("text/plain");
        assertThat(text).hasBodyTextEqualTo(String.valueOf(port));
    }

    @Test
    void anUnknownListenerIsANotFoundProblem() {
        for (String path : List.of(
                "/mathserver/listeners/klingon/tls/port",
                "/mathserver/listeners/status/quic/port",
                "/mathserver/listeners/status/tls/port")) {
            MvcTestResult r = get(path);

            assertThat(r).as(path).hasStatus(404).hasContentTypeCompatibleWith("application/problem+json");
            assertThat(r).bodyJson().extractingPath("$.type").isEqualTo("/problems/no-listener");
            assertThat(r)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .asString()
                    .startsWith("the embedded server has no such listener");
        }
    }

    @Test
    void aCallerWithoutTheRoleReadIsRefused() {
        MvcTestResult r = mvc.get()
                .uri("/mathserver/listeners")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.RUN))
                .exchange();

        assertThat(r).hasStatus(403).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(mvc.get().uri("/mathserver/certificate").exchange()).hasStatus(401);
    }
}
