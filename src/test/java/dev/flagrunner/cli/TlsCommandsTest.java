package dev.flagrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.mathserver.FlagMinter;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.support.CliRun;
import dev.flagrunner.support.Flags;
import dev.flagrunner.support.MathServers;
import dev.flagrunner.tls.ServerCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client command over TLS against the reference server's TLS listener, and the mistakes around it. */
class TlsCommandsTest {

    private static final FlagMinter MINTER = Flags.minter("s");
    /**
     * Longer than any test may take: with it on both ends, a client that waited for a timeout instead of
     * failing at once would hang until JUnit's {@code @Timeout} fails the test, whatever the machine's load.
     */
    private static final Duration NEVER = Duration.ofHours(1);

    private final ServerCertificate certificate = ServerCertificate.selfSigned();
    private MathServer tlsServer;
    private MathServer plainServer;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        tlsServer = MathServers.start(MathServers.builder(Dialects.STATUS, MINTER, 20)
                .tls(certificate.sslContext())
                .idleTimeout(NEVER)
                .build());
        plainServer = MathServers.start(MathServers.builder(Dialects.STATUS, MINTER, 20)
                .idleTimeout(NEVER)
                .build());
    }

    @AfterEach
    void stop() {
        tlsServer.close();
        plainServer.close();
    }

    private static CliRun client(String... args) {
        return CliRun.of((out, err) -> ClientCommand.run(args, out, err));
    }

    @Test
    void capturesTheTlsFlagWithThePinnedCertificate() throws Exception {
        Path pem = Files.writeString(dir.resolve("server.pem"), certificate.certificatePem());

        CliRun r = client("-s", "--trust", pem.toString(), "-p", String.valueOf(tlsServer.port()), "127.0.0.1", "42");

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).isEqualTo(MINTER.flag(true, "cs5700fall2020", "42"));
    }

    @Test
    void systemTrustRejectsTheSelfSignedServerAndTheHintNamesTrustWriteCertAndInsecure() {
        CliRun r = client("-s", "-p", String.valueOf(tlsServer.port()), "127.0.0.1", "42");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("flagrunner: TLS_HANDSHAKE_FAILED: ").contains("PKIX path building failed");
        assertThat(r.err().lines().toList())
                .hasSize(2)
                .last()
                .asString()
                .startsWith("hint: the server's certificate is not trusted")
                .contains("--trust FILE", "server --write-cert FILE", "--insecure");
    }

    @Test
    void aPinOfAnotherCertificateGetsTheSameHint() throws Exception {
        Path other = Files.writeString(
                dir.resolve("other.pem"), ServerCertificate.selfSigned().certificatePem());

        CliRun r = client("-s", "--trust", other.toString(), "-p", String.valueOf(tlsServer.port()), "127.0.0.1", "42");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is not the certificate pinned").contains(FailureHints.UNTRUSTED);
    }

    @Test
    void insecureAcceptsTheServer() {
        CliRun r = client("-s", "--insecure", "-p", String.valueOf(tlsServer.port()), "127.0.0.1", "42");

        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).isEqualTo(MINTER.flag(true, "cs5700fall2020", "42"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTlsClientAgainstAPlainPortFailsAtOnceWithTheReason() {
        CliRun r = client(
                "-s",
                "--insecure",
                "--timeout",
                String.valueOf(NEVER.toSeconds()),
                "-p",
                String.valueOf(plainServer.port()),
                "127.0.0.1",
                "42");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("flagrunner: TLS_HANDSHAKE_FAILED: ");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPlainClientAgainstATlsPortFailsAtOnceWithTheReason() {
        CliRun r = client(
                "--timeout",
                String.valueOf(NEVER.toSeconds()),
                "-p",
                String.valueOf(tlsServer.port()),
                "127.0.0.1",
                "42");

        assertThat(r.exit()).isEqualTo(1);
        // The TLS server's alert ends in 0x0a, so it arrives as one "line".
        assertThat(r.err())
                .startsWith("flagrunner: MALFORMED_MESSAGE: a TLS record, not a message: this port speaks TLS");
    }

    @Test
    void aMissingTrustFileIsAUsageError() {
        CliRun r = client("-s", "--trust", dir.resolve("nope.pem").toString(), "127.0.0.1", "42");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.pem");
    }
}
