package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.support.MathServers;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The reference server closes a connection whose client stays silent past the idle timeout. */
class ServerTimeoutTest {

    @Test
    void aSilentClientIsClosedAfterTheIdleTimeout() throws Exception {
        BlockingQueue<ServerOutcome> outcomes = new ArrayBlockingQueue<>(4);
        ServerOptions options = MathServers.builder(Dialects.STATUS, 5)
                .idleTimeout(Duration.ofMillis(300))
                .build();
        try (MathServer server = MathServers.start(options, (o, outcome) -> outcomes.add(outcome));
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            client.setSoTimeout(10_000);
            InputStream in = client.getInputStream();

            assertThat(in.read()).as("the server closes without a word").isEqualTo(-1);
            assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isEqualTo(ServerOutcome.TIMEOUT);
        }
    }

    @Test
    void closingTheServerEndsItsOpenConnections() throws Exception {
        ServerOptions options = MathServers.options(Dialects.STATUS, 5);
        MathServer server = MathServers.start(options);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            client.setSoTimeout(10_000);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> server.activeConnections() == 1);

            server.close();

            assertThat(client.getInputStream().read()).isEqualTo(-1);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> server.activeConnections() == 0);
            assertThat(server.isAccepting()).isFalse();
        }
    }

    /**
     * A TLS connection that never sends its ClientHello blocks the server's handshake in a read; closing it
     * must not wait for that read (the shared timeout thread does the closing, for every connection).
     */
    @Test
    void silentTlsClientsAreEachClosedAfterTheIdleTimeout() throws Exception {
        BlockingQueue<ServerOutcome> outcomes = new ArrayBlockingQueue<>(4);
        ServerOptions options = MathServers.builder(Dialects.STATUS, 5)
                .idleTimeout(Duration.ofMillis(300))
                .tls(dev.flagrunner.tls.ServerCertificate.selfSigned().sslContext())
                .build();
        try (MathServer server = MathServers.start(options, (o, outcome) -> outcomes.add(outcome));
                Socket first = new Socket(InetAddress.getLoopbackAddress(), server.port());
                Socket second = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            first.setSoTimeout(10_000);
            second.setSoTimeout(10_000);

            assertThat(untilClosed(first))
                    .as("the server closes, with a TLS alert at most")
                    .isTrue();
            assertThat(untilClosed(second)).as("and so the next one").isTrue();
            assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isEqualTo(ServerOutcome.TIMEOUT);
            assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isEqualTo(ServerOutcome.TIMEOUT);
        }
    }

    /**
     * The TLS handshake's own timeout is the idle timeout, so it can close a silent client before the
     * conversation's idle timer does (under load, 2 and 4 of 60 repetitions of the test above): that silence is
     * a TIMEOUT too, not the client's close, which the outcome said before.
     */
    @Test
    void aHandshakeThatTimedOutIsATimeout() {
        BlockingQueue<ServerOutcome> outcomes = new ArrayBlockingQueue<>(4);
        ServerOptions options = MathServers.builder(Dialects.STATUS, 5).build();
        Framer framer = Framer.of(options.dialect(), Conversation.helloLimit(options));
        Conversation conversation = new Conversation(
                options,
                new Examiner(options.dialect(), options.classId()),
                (o, outcome) -> outcomes.add(outcome),
                new SessionLog(System::nanoTime),
                framer,
                ConnectionBudget.defaults().admit(new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000)));
        EmbeddedChannel channel = new EmbeddedChannel(framer, conversation);

        channel.pipeline()
                .fireUserEventTriggered(new SslHandshakeCompletionEvent(
                        new SslHandshakeTimeoutException("handshake timed out after 300ms")));
        channel.close();

        assertThat(outcomes).containsExactly(ServerOutcome.TIMEOUT);
    }

    @Test
    void closingATlsServerEndsAConnectionStillInItsHandshake() throws Exception {
        ServerOptions options = MathServers.builder(Dialects.STATUS, 5)
                .tls(dev.flagrunner.tls.ServerCertificate.selfSigned().sslContext())
                .build();
        try (MathServer server = MathServers.start(options);
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            client.setSoTimeout(10_000);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> server.activeConnections() == 1);

            assertTimeoutPreemptively(Duration.ofSeconds(10), server::close, "close() waited for the silent client");

            assertThat(untilClosed(client)).isTrue();
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> server.activeConnections() == 0);
        }
    }

    @Test
    void aClientThatAnswersInTimeIsNotClosed() throws Exception {
        BlockingQueue<ServerOutcome> outcomes = new ArrayBlockingQueue<>(4);
        ServerOptions options = MathServers.builder(Dialects.STATUS, 3)
                .idleTimeout(Duration.ofMillis(300))
                .build();
        try (MathServer server = MathServers.start(options, (o, outcome) -> outcomes.add(outcome))) {
            dev.flagrunner.protocol.ClientSession session = new dev.flagrunner.protocol.ClientSession(
                    dev.flagrunner.support.SessionSpecs.of(
                            "127.0.0.1",
                            server.port(),
                            Dialects.STATUS,
                            "cs5700fall2020",
                            "9",
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(2)),
                    dev.flagrunner.protocol.SocketOpener.plain(),
                    dev.flagrunner.protocol.SessionListener.NONE);

            assertThat(session.run()).hasSize(64);
            assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isEqualTo(ServerOutcome.FLAG_SENT);
        }
    }

    /** Reads to the end of the stream (within the socket's timeout): true when what came was a TLS alert record or nothing. */
    private static boolean untilClosed(Socket socket) throws java.io.IOException {
        byte[] received = socket.getInputStream().readAllBytes();
        return received.length == 0 || (received[0] == 0x15 && received.length <= 7 + 24);
    }
}
