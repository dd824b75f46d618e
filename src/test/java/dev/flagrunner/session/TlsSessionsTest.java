package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.mathserver.FlagMinter;
import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** Sessions over TLS against the embedded server, whose self-signed certificate the service pins. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flagrunner.embedded-server.secret=tls-secret", "flagrunner.embedded-server.tls=true",
    "flagrunner.embedded-server.questions.min=10", "flagrunner.embedded-server.questions.max=10"})
class TlsSessionsTest extends RandomPortTest {

    private static final FlagMinter MINTER = new FlagMinter("tls-secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void capturesTheTlsFlagWhichDiffersFromThePlainOne() {
        JsonNode tls = http.postJson("/sessions", "{\"studentId\":\"001234567\",\"tls\":true}").json();
        JsonNode plain = http.postJson("/sessions", "{\"studentId\":\"001234567\"}").json();

        assertThat(tls.get("status").asString()).isEqualTo("FLAG_CAPTURED");
        assertThat(tls.get("target").get("tls").asBoolean()).isTrue();
        assertThat(tls.get("flag").asString()).isEqualTo(MINTER.flag(true, "cs5700fall2020", "001234567"));
        assertThat(plain.get("flag").asString()).isEqualTo(MINTER.flag(false, "cs5700fall2020", "001234567"))
                .isNotEqualTo(tls.get("flag").asString());
    }

    @Test
    void theCertificateIsDownloadableAsPem() {
        Http.Response r = http.get("/mathserver/certificate");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/x-pem-file");
        assertThat(r.body()).startsWith("-----BEGIN CERTIFICATE-----").contains("-----END CERTIFICATE-----");
    }

    @Test
    void anAdHocTlsSessionToTheEmbeddedPortUsesSystemTrustAndFailsTheHandshake() {
        JsonNode tls = http.postJson("/sessions", "{\"studentId\":\"1\",\"tls\":true}").json();
        int tlsPort = tls.get("target").get("port").asInt();

        JsonNode adHoc = http.postJson("/sessions",
                "{\"studentId\":\"1\",\"tls\":true,\"host\":\"127.0.0.1\",\"port\":" + tlsPort + "}").json();

        assertThat(adHoc.get("status").asString()).isEqualTo("FAILED");
        assertThat(adHoc.get("failure").get("reason").asString()).isEqualTo("TLS_HANDSHAKE_FAILED");
        assertThat(adHoc.get("failure").get("detail").asString()).contains("PKIX path building failed");
    }
}
