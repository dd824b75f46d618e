package dev.flagrunner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ClientTlsTest {

    private static final ServerCertificate SELF_SIGNED = ServerCertificate.selfSigned();

    @TempDir
    Path dir;

    @Nested
    class SystemTrust {

        @Test
        void rejectsASelfSignedServerWithThePkixReason() throws IOException {
            try (TlsEchoServer server = TlsEchoServer.start(SELF_SIGNED)) {
                ClientTls tls = ClientTls.create(TrustMode.system());

                assertThatThrownBy(() -> Tls.echo(tls, server.port()))
                        .isInstanceOf(TlsHandshakeException.class)
                        .hasMessage(
                                "TLS handshake with 127.0.0.1:" + server.port() + " failed: PKIX path building"
                                        + " failed: unable to find valid certification path to requested target (trust: system)")
                        .satisfies(e ->
                                assertThat(((TlsHandshakeException) e).port()).isEqualTo(server.port()));
            }
        }
    }

    @Nested
    class PinnedCertificate {

        @Test
        void acceptsTheServersOwnCertificateSavedAsPem() throws IOException {
            Path pem = Files.writeString(dir.resolve("server.pem"), SELF_SIGNED.certificatePem());
            TrustMode trust = TrustMode.parse(pem.toString());

            try (TlsEchoServer server = TlsEchoServer.start(SELF_SIGNED)) {
                assertThat(((TrustMode.Certificates) trust).pinned()).isTrue();
                assertThat(Tls.echo(ClientTls.create(trust), server.port())).isEqualTo("ping");
            }
        }

        @Test
        void doesNotCheckTheNameBecauseThePinIsExact() throws IOException {
            try (TlsEchoServer server = TlsEchoServer.start(SELF_SIGNED)) {
                ClientTls tls = ClientTls.create(SELF_SIGNED.trustMode());

                assertThat(Tls.echo(tls, "not-in-the-certificate.example", server.port()))
                        .isEqualTo("ping");
            }
        }

        @Test
        void rejectsAnyOtherCertificateNamingBothFingerprints() throws IOException {
            ServerCertificate other = ServerCertificate.selfSigned();
            try (TlsEchoServer server = TlsEchoServer.start(other)) {
                ClientTls tls = ClientTls.create(SELF_SIGNED.trustMode());

                assertThatThrownBy(() -> Tls.echo(tls, server.port()))
                        .isInstanceOf(TlsHandshakeException.class)
                        .hasMessageContaining("failed: the server's certificate (CN=Flagrunner reference math server,"
                                + " SHA-256 " + other.sha256Fingerprint() + ") is not the certificate pinned in")
                        .hasMessageContaining("(SHA-256 " + SELF_SIGNED.sha256Fingerprint() + ")");
            }
        }

        @Test
        void trustsASelfSignedCaCertificatePresentedAsTheServersOwn() throws IOException {
            // `openssl req -x509` marks self-signed certificates CA:TRUE; the old course servers used such.
            KeyPair keys = CertificateIssuer.ecKeyPair();
            X509Certificate opensslStyle = TestCertificates.selfSignedCa(
                    keys, "cs5700.example", List.of("cs5700.example"), Duration.ofDays(30));
            ServerCertificate identity = ServerCertificate.of(keys.getPrivate(), List.of(opensslStyle));
            TrustMode trust = TrustMode.pem(identity.certificatePem(), "server.pem");

            try (TlsEchoServer server = TlsEchoServer.start(identity)) {
                assertThat(((TrustMode.Certificates) trust).pinned()).isFalse();
                assertThat(Tls.echo(ClientTls.create(trust), server.port())).isEqualTo("ping");
            }
        }
    }

    @Nested
    class CaBundle {

        private final TestCa ca = TestCa.create("Test CA");

        @Test
        void acceptsALeafIssuedForTheAddress() throws IOException {
            Path bundle = Files.writeString(
                    dir.resolve("ca.pem"),
                    Pem.encode(List.of(TestCa.create("Unrelated CA").certificate(), ca.certificate())));

            try (TlsEchoServer server = TlsEchoServer.start(ca.issue("127.0.0.1"))) {
                assertThat(Tls.echo(ClientTls.create(TrustMode.parse(bundle.toString())), server.port()))
                        .isEqualTo("ping");
            }
        }

        @Test
        void acceptsALeafIssuedForTheHostNameUsedToConnect() throws IOException {
            try (TlsEchoServer server = TlsEchoServer.start(ca.issue("localhost"))) {
                ClientTls tls = ClientTls.create(TrustMode.pinned(ca.certificate()));

                assertThat(Tls.echo(tls, "localhost", server.port())).isEqualTo("ping");
            }
        }

        @Test
        void rejectsALeafIssuedForAnotherHost() throws IOException {
            try (TlsEchoServer server = TlsEchoServer.start(ca.issue("other.example"))) {
                ClientTls tls = ClientTls.create(TrustMode.pinned(ca.certificate()));

                assertThatThrownBy(() -> Tls.echo(tls, server.port()))
                        .isInstanceOf(TlsHandshakeException.class)
                        .hasMessage("TLS handshake with 127.0.0.1:" + server.port() + " failed: No subject alternative"
                                + " names matching IP address 127.0.0.1 found (trust: CA certificate CN=Test CA)");
            }
        }

        @Test
        void rejectsALeafFromAnotherCa() throws IOException {
            try (TlsEchoServer server =
                    TlsEchoServer.start(TestCa.create("Other CA").issue("127.0.0.1"))) {
                ClientTls tls = ClientTls.create(TrustMode.pinned(ca.certificate()));

                assertThatThrownBy(() -> Tls.echo(tls, server.port()))
                        .isInstanceOf(TlsHandshakeException.class)
                        .hasMessageContaining(
                                "failed: PKIX path building failed: unable to find valid certification path");
            }
        }
    }

    @Nested
    class Insecure {

        private final Logger logger = (Logger) LoggerFactory.getLogger(ClientTls.class);
        private final ListAppender<ILoggingEvent> log = new ListAppender<>();

        @BeforeEach
        void captureLog() {
            ClientTls.WARNED_INSECURE.clear();
            log.start();
            logger.addAppender(log);
        }

        @AfterEach
        void releaseLog() {
            logger.detachAppender(log);
        }

        @Test
        void acceptsAnyCertificateAndWarnsOncePerTarget() throws IOException {
            ClientTls tls = ClientTls.create(TrustMode.insecure());
            try (TlsEchoServer first = TlsEchoServer.start(SELF_SIGNED);
                    TlsEchoServer second =
                            TlsEchoServer.start(TestCa.create("Unknown CA").issue("other.example"))) {
                for (int i = 0; i < 3; i++) {
                    assertThat(Tls.echo(tls, first.port())).isEqualTo("ping");
                }
                assertThat(warnings())
                        .containsExactly("TLS certificate verification is DISABLED for 127.0.0.1:"
                                + first.port()
                                + " (trust: insecure): any certificate is accepted, so anyone on the network"
                                + " path can read and change this connection. Pin the server's certificate instead"
                                + " (docs/tls.md).");

                assertThat(Tls.echo(tls, second.port())).isEqualTo("ping");
                assertThat(Tls.echo(ClientTls.create(TrustMode.insecure()), second.port()))
                        .isEqualTo("ping");
                assertThat(warnings()).hasSize(2);
                assertThat(warnings().get(1)).contains("127.0.0.1:" + second.port());
            }
        }

        private List<String> warnings() {
            return log.list.stream()
                    .filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    @Nested
    class NotATlsServer {

        private final ClientTls tls = ClientTls.create(TrustMode.system());

        @Test
        void aSilentPlainPortFailsWithinTheHandshakeTimeout() throws IOException {
            // Never accepted: the kernel completes the TCP connection, nobody ever answers.
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                Socket socket = Tls.connect(silent.getLocalPort());

                TlsHandshakeException failure = assertTimeoutPreemptively(
                        Duration.ofSeconds(5),
                        () -> catchHandshake(() ->
                                tls.handshake(socket, "127.0.0.1", silent.getLocalPort(), Duration.ofMillis(300))));

                assertThat(failure.reason())
                        .isEqualTo("no TLS answer within 300 ms (the handshake timeout; a plain"
                                + " TCP server waits silently for the client to speak, so this may not be a TLS port)");
                assertThat(socket.isClosed()).isTrue();
            }
        }

        @Test
        void aPlainTextAnswerFailsWithAClearReason() throws IOException {
            try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                CompletableFuture<Void> answered = answerOnce(plain, "cs5700fall2020 HELLO, who are you?\n");

                assertThatThrownBy(() -> Tls.echo(tls, plain.getLocalPort()))
                        .isInstanceOf(TlsHandshakeException.class)
                        .extracting(e -> ((TlsHandshakeException) e).reason())
                        .isEqualTo("Unsupported or unrecognized SSL message (the server answered without TLS: this"
                                + " looks like a plain TCP port)");
                answered.join();
            }
        }

        @Test
        void aServerThatHangsUpFailsWithTheJdkReason() throws IOException {
            try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                CompletableFuture<Void> closed = answerOnce(plain, "");

                assertThatThrownBy(() -> Tls.echo(tls, plain.getLocalPort()))
                        .isInstanceOf(TlsHandshakeException.class)
                        .extracting(e -> ((TlsHandshakeException) e).reason())
                        .isEqualTo("Remote host terminated the handshake");
                closed.join();
            }
        }

        /**
         * Accepts one connection, writes the text and ends its side (FIN), then reads until the client
         * gives up. Reading everything before closing keeps the kernel from answering with a reset.
         */
        private CompletableFuture<Void> answerOnce(ServerSocket server, String text) {
            return CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    OutputStream out = socket.getOutputStream();
                    out.write(text.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    socket.shutdownOutput();
                    socket.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the client reset the connection: it has given up, which is all this server waits for
                }
            });
        }
    }

    @Test
    void restoresTheSocketsReadTimeoutAfterTheHandshake() throws IOException {
        try (TlsEchoServer server = TlsEchoServer.start(SELF_SIGNED)) {
            Socket plain = Tls.connect(server.port());
            plain.setSoTimeout(4321);

            try (SSLSocket socket = ClientTls.create(SELF_SIGNED.trustMode())
                    .handshake(plain, "127.0.0.1", server.port(), Duration.ofMillis(2000))) {
                assertThat(socket.getSoTimeout()).isEqualTo(4321);
                assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(SELF_SIGNED.certificate());
            }
        }
    }

    @Test
    void buildsOneContextPerTrustMode() throws IOException {
        Path pem = Files.writeString(dir.resolve("server.pem"), SELF_SIGNED.certificatePem());

        ClientTls first = ClientTls.create(TrustMode.parse(pem.toString()));
        ClientTls second = ClientTls.create(TrustMode.parse(pem.toString()), List.of("TLSv1.2"));

        assertThat(second.sslContext()).isSameAs(first.sslContext());
        assertThat(ClientTls.create(TrustMode.insecure()).sslContext()).isNotSameAs(first.sslContext());
    }

    private static TlsHandshakeException catchHandshake(HandshakeCall call) {
        try {
            call.run();
        } catch (TlsHandshakeException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("expected a TlsHandshakeException", e);
        }
        throw new AssertionError("the handshake succeeded");
    }

    private interface HandshakeCall {
        SSLSocket run() throws IOException;
    }
}
