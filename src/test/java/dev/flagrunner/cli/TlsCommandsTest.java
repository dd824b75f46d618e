package dev.flagrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.mathserver.FlagMinter;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.mathserver.ServerEvents;
import dev.flagrunner.mathserver.ServerOptions;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.tls.ServerCertificate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    private static final FlagMinter MINTER = new FlagMinter("s".getBytes(StandardCharsets.UTF_8));
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
        tlsServer = new MathServer(ServerOptions.loopback(Dialects.STATUS, MINTER, 20, 20)
                .withTls(certificate.sslContext()).withIdleTimeout(NEVER), ServerEvents.NONE).start();
        plainServer = new MathServer(ServerOptions.loopback(Dialects.STATUS, MINTER, 20, 20).withIdleTimeout(NEVER),
                ServerEvents.NONE).start();
    }

    @AfterEach
    void stop() {
        tlsServer.close();
        plainServer.close();
    }

    private record Result(int exit, String out, String err) {}

    private static Result client(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ClientCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void capturesTheTlsFlagWithThePinnedCertificate() throws Exception {
        Path pem = Files.writeString(dir.resolve("server.pem"), certificate.certificatePem());

        Result r = client("-s", "--trust", pem.toString(), "-p", String.valueOf(tlsServer.port()), "127.0.0.1", "42");

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).isEqualTo(MINTER.flag(true, "cs5700fall2020", "42"));
    }

    @Test
    void systemTrustRejectsTheSelfSignedServer() {
        Result r = client("-s", "-p", String.valueOf(tlsServer.port()), "127.0.0.1", "42");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("flagrunner: TLS_HANDSHAKE_FAILED: ").contains("PKIX path building failed");
    }

    @Test
    void insecureAcceptsTheServer() {
        Result r = client("-s", "--insecure", "-p", String.valueOf(tlsServer.port()), "127.0.0.1", "42");

        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).isEqualTo(MINTER.flag(true, "cs5700fall2020", "42"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTlsClientAgainstAPlainPortFailsAtOnceWithTheReason() {
        Result r = client("-s", "--insecure", "--timeout", String.valueOf(NEVER.toSeconds()), "-p",
                String.valueOf(plainServer.port()), "127.0.0.1", "42");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("flagrunner: TLS_HANDSHAKE_FAILED: ");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPlainClientAgainstATlsPortFailsAtOnceWithTheReason() {
        Result r = client("--timeout", String.valueOf(NEVER.toSeconds()), "-p", String.valueOf(tlsServer.port()),
                "127.0.0.1", "42");

        assertThat(r.exit()).isEqualTo(1);
        // The TLS server's alert ends in 0x0a, so it arrives as one "line".
        assertThat(r.err()).startsWith("flagrunner: MALFORMED_MESSAGE: a TLS record, not a message: this port speaks TLS");
    }

    @Test
    void aMissingTrustFileIsAUsageError() {
        Result r = client("-s", "--trust", dir.resolve("nope.pem").toString(), "127.0.0.1", "42");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.pem");
    }
}
