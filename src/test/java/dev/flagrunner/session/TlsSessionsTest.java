package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.mathserver.FlagMinter;
import dev.flagrunner.protocol.ClientSession;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.protocol.SessionListener;
import dev.flagrunner.protocol.SessionSpec;
import dev.flagrunner.protocol.SocketOpener;
import dev.flagrunner.support.Flags;
import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.SessionSpecs;
import dev.flagrunner.tls.ClientTls;
import dev.flagrunner.tls.TrustMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** Sessions over TLS against the embedded server, whose self-signed certificate the service pins. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.embedded-server.secret=tls-secret", "flagrunner.embedded-server.tls=true",
            "flagrunner.embedded-server.questions.min=10", "flagrunner.embedded-server.questions.max=10"
        })
class TlsSessionsTest extends RandomPortTest {

    private static final FlagMinter MINTER = Flags.minter("tls-secret");

    @Test
    void capturesTheTlsFlagWhichDiffersFromThePlainOne() {
        JsonNode tls = http.postJson("/sessions", "{\"studentId\":\"001234567\",\"tls\":true}")
                .json();
        JsonNode plain =
                http.postJson("/sessions", "{\"studentId\":\"001234567\"}").json();

        assertThat(tls.get("status").asString()).isEqualTo("FLAG_CAPTURED");
        assertThat(tls.get("target").get("tls").asBoolean()).isTrue();
        assertThat(tls.get("flag").asString()).isEqualTo(MINTER.flag(true, "cs5700fall2020", "001234567"));
        assertThat(plain.get("flag").asString())
                .isEqualTo(MINTER.flag(false, "cs5700fall2020", "001234567"))
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
    void theListenersEndpointNamesEveryDialectsPortsAndOnePortAsText() {
        int tlsPort = http.postJson("/sessions", "{\"studentId\":\"1\",\"tls\":true}")
                .json()
                .get("target")
                .get("port")
                .asInt();

        JsonNode listeners = http.get("/mathserver/listeners").json();
        Http.Response port = http.get("/mathserver/listeners/status/tls/port");

        assertThat(listeners).hasSize(2 * Dialects.all().size());
        assertThat(listeners.findValuesAsString("transport")).containsOnly("plain", "tls");
        assertThat(listeners.findValuesAsString("host")).containsOnly("127.0.0.1");
        JsonNode statusTls = java.util.stream.StreamSupport.stream(listeners.spliterator(), false)
                .filter(l -> l.get("dialect").asString().equals("status")
                        && l.get("transport").asString().equals("tls"))
                .findFirst()
                .orElseThrow();
        assertThat(statusTls.get("port").asInt()).isEqualTo(tlsPort);
        assertThat(port.status()).isEqualTo(200);
        assertThat(port.contentType()).startsWith("text/plain");
        assertThat(port.body()).isEqualTo(String.valueOf(tlsPort));
    }

    @Test
    void aClientOutsideTheServicePinsTheDownloadedCertificateOnTheListedPort(@TempDir Path dir) throws Exception {
        // docs/tls.md's example: the certificate and the port from the service, then a client of its own.
        Path pem = Files.writeString(
                dir.resolve("server.pem"), http.get("/mathserver/certificate").body());
        int port = Integer.parseInt(
                http.get("/mathserver/listeners/status/tls/port").body());

        SessionSpec spec = SessionSpecs.of(
                "127.0.0.1",
                port,
                Dialects.STATUS,
                "cs5700fall2020",
                "001234567",
                Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        String flag = new ClientSession(
                        spec, SocketOpener.tls(ClientTls.create(TrustMode.parse(pem.toString()))), SessionListener.NONE)
                .run();

        assertThat(flag).isEqualTo(MINTER.flag(true, "cs5700fall2020", "001234567"));
    }

    @Test
    void anAdHocTlsSessionToTheEmbeddedPortUsesSystemTrustAndFailsTheHandshake() {
        JsonNode tls =
                http.postJson("/sessions", "{\"studentId\":\"1\",\"tls\":true}").json();
        int tlsPort = tls.get("target").get("port").asInt();

        JsonNode adHoc = http.postJson(
                        "/sessions",
                        "{\"studentId\":\"1\",\"tls\":true,\"host\":\"127.0.0.1\",\"port\":" + tlsPort + "}")
                .json();

        assertThat(adHoc.get("status").asString()).isEqualTo("FAILED");
        assertThat(adHoc.get("failure").get("reason").asString()).isEqualTo("TLS_HANDSHAKE_FAILED");
        assertThat(adHoc.get("failure").get("detail").asString()).contains("PKIX path building failed");
    }
}
