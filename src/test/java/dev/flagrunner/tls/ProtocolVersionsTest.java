package dev.flagrunner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolVersionsTest {

    private static final ServerCertificate IDENTITY = ServerCertificate.selfSigned();

    @Test
    void offersTls13And12ByDefaultAndNegotiates13() throws IOException {
        ClientTls tls = ClientTls.create(IDENTITY.trustMode());

        try (TlsEchoServer server = TlsEchoServer.start(IDENTITY);
                SSLSocket socket = tls.handshake(Tls.connect(server.port()), "127.0.0.1", server.port(), Tls.TIMEOUT)) {
            assertThat(tls.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void aTargetMayListItsVersions() throws IOException {
        ClientTls tls = ClientTls.create(IDENTITY.trustMode(), List.of("TLSv1.2"));

        try (TlsEchoServer server = TlsEchoServer.start(IDENTITY);
                SSLSocket socket = tls.handshake(Tls.connect(server.port()), "127.0.0.1", server.port(), Tls.TIMEOUT)) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void tlsV1IsRefusedAtConfigurationNamingTheJdkProperty() {
        assertThat(Security.getProperty("jdk.tls.disabledAlgorithms")).containsPattern("\\bTLSv1\\s*,");

        assertThatThrownBy(() -> ClientTls.create(TrustMode.system(), List.of("TLSv1.2", "TLSv1")))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("TLS protocol version TLSv1 is disabled by this JDK's security property"
                        + " jdk.tls.disabledAlgorithms (conf/security/java.security); to allow it, start java with"
                        + " -Djava.security.properties=FILE where FILE redefines jdk.tls.disabledAlgorithms without"
                        + " TLSv1 (see docs/tls.md)");
    }

    @Test
    void theJdkAloneAcceptsTlsV1UntilTheHandshakeAndThenNamesNothing() throws Exception {
        // Why ClientTls checks first: this is the JDK's own behaviour with the default java.security.
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        try (TlsEchoServer server = TlsEchoServer.start(IDENTITY);
                SSLSocket socket = (SSLSocket) context.getSocketFactory()
                        .createSocket(Tls.connect(server.port()), "127.0.0.1", server.port(), true)) {
            socket.setEnabledProtocols(new String[] {"TLSv1"});

            assertThatThrownBy(socket::startHandshake)
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessage("No appropriate protocol (protocol is disabled or cipher suites are inappropriate)");
        }
    }

    @Test
    void anUnknownVersionIsRefusedListingTheSupportedOnes() {
        assertThatThrownBy(() -> ClientTls.create(TrustMode.system(), List.of("TLSv1.4")))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageStartingWith("TLS protocol version 'TLSv1.4' is not supported by this JDK; supported: ")
                .hasMessageContaining("TLSv1.3, TLSv1.2");
    }

    @Test
    void noCommonVersionFailsWithTheServersAlert() throws IOException {
        ClientTls tls = ClientTls.create(IDENTITY.trustMode(), List.of("TLSv1.2"));

        try (TlsEchoServer server = TlsEchoServer.start(IDENTITY, "TLSv1.3")) {
            assertThatThrownBy(() -> Tls.echo(tls, server.port()))
                    .isInstanceOf(TlsHandshakeException.class)
                    .extracting(e -> ((TlsHandshakeException) e).reason())
                    .isEqualTo("Received fatal alert: protocol_version (the server accepts none of TLSv1.2)");
        }
    }

    @Test
    void anOperatorOverrideFileReenablesTlsV1(@TempDir Path dir) throws Exception {
        String withoutOldVersions = Arrays.stream(
                        Security.getProperty("jdk.tls.disabledAlgorithms").split(","))
                .map(String::strip)
                .filter(entry -> !entry.equals("TLSv1") && !entry.equals("TLSv1.1"))
                .collect(Collectors.joining(", "));
        Path override = Files.writeString(
                dir.resolve("legacy-tls.security"), "jdk.tls.disabledAlgorithms=" + withoutOldVersions + "\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Process child = new ProcessBuilder(
                        java.toString(),
                        "-Djava.security.properties=" + override,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LegacyTlsProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        boolean finished = child.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        assertThat(finished).as("the child JVM finished").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).as(output).contains("negotiated TLSv1\n").doesNotContain("failed");
        assertThat(child.exitValue()).isZero();
    }
}
