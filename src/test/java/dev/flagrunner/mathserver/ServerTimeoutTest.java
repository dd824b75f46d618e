package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.protocol.Dialects;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
        ServerOptions options = ServerOptions.loopback(Dialects.STATUS,
                new FlagMinter("k".getBytes(StandardCharsets.UTF_8)), 5, 5).withIdleTimeout(Duration.ofMillis(300));
        try (MathServer server = new MathServer(options, (o, outcome) -> outcomes.add(outcome)).start();
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            client.setSoTimeout(10_000);
            InputStream in = client.getInputStream();

            assertThat(in.read()).as("the server closes without a word").isEqualTo(-1);
            assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isEqualTo(ServerOutcome.TIMEOUT);
        }
    }

    @Test
    void closingTheServerEndsItsOpenConnections() throws Exception {
        ServerOptions options = ServerOptions.loopback(Dialects.STATUS,
                new FlagMinter("k".getBytes(StandardCharsets.UTF_8)), 5, 5);
        MathServer server = new MathServer(options, ServerEvents.NONE).start();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            client.setSoTimeout(10_000);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.activeConnections() == 1);

            server.close();

            assertThat(client.getInputStream().read()).isEqualTo(-1);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.activeConnections() == 0);
            assertThat(server.isAccepting()).isFalse();
        }
    }

    @Test
    void aClientThatAnswersInTimeIsNotClosed() throws Exception {
        BlockingQueue<ServerOutcome> outcomes = new ArrayBlockingQueue<>(4);
        ServerOptions options = ServerOptions.loopback(Dialects.STATUS,
                new FlagMinter("k".getBytes(StandardCharsets.UTF_8)), 3, 3).withIdleTimeout(Duration.ofMillis(300));
        try (MathServer server = new MathServer(options, (o, outcome) -> outcomes.add(outcome)).start()) {
            dev.flagrunner.protocol.ClientSession session = new dev.flagrunner.protocol.ClientSession(
                    new dev.flagrunner.protocol.SessionSpec("127.0.0.1", server.port(), Dialects.STATUS, "cs5700fall2020",
                            "9", Duration.ofSeconds(2), Duration.ofSeconds(2)),
                    dev.flagrunner.protocol.SocketOpener.plain(), dev.flagrunner.protocol.SessionListener.NONE);

            assertThat(session.run()).hasSize(64);
            assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isEqualTo(ServerOutcome.FLAG_SENT);
        }
    }
}
