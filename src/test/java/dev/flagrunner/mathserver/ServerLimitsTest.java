package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.support.Flags;
import dev.flagrunner.support.MathServers;
import dev.flagrunner.tls.ServerCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server holds its ground with real sockets on 127.0.0.1 (issue 20): a memory bomb, held connections across
 * listeners, one address's share, a correct client past the session deadline. Every attack is bounded in
 * connections and bytes, and every connection is closed when the test ends.
 */
@Timeout(60)
class ServerLimitsTest {

    private final List<Socket> sockets = new ArrayList<>();
    private final List<MathServer> servers = new ArrayList<>();
    private final Map<ServerOutcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final ServerEvents counting = (options, outcome) ->
            outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();

    @AfterEach
    void closeEverything() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        servers.forEach(MathServer::close);
    }

    private MathServer start(ServerOptions options, ConnectionBudget budget) throws IOException {
        MathServer server = new MathServer(options, counting, budget).start();
        servers.add(server);
        return server;
    }

    private int count(ServerOutcome outcome) {
        return outcomes.getOrDefault(outcome, new AtomicInteger()).get();
    }

    private Socket connect(int port) throws IOException {
        return connectFrom(InetAddress.getLoopbackAddress(), port);
    }

    private Socket connectFrom(InetAddress local, int port) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.setSoTimeout(10_000);
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        return socket;
    }

    /** True when the server closed the connection (an end of stream, or a reset); a read timeout fails the test. */
    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void aMemoryBombIsCutOffAtTheHelloLimitAndAnHonestClientStillCaptures() throws Exception {
        // Every bomb is let in (all come from 127.0.0.1): the HELLO's limit, not a connection cap, stops them.
        MathServer server = start(MathServers.options(Dialects.STATUS, 5), new ConnectionBudget(1024, 1024));
        int bombs = 200;
        byte[] noNewline = new byte[64 * 1024];
        java.util.Arrays.fill(noNewline, (byte) 'x');
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < bombs; i++) {
            held.add(connect(server.port()));
        }
        for (Socket s : held) {
            try {
                OutputStream out = s.getOutputStream();
                out.write(noNewline);
            } catch (SocketException closedMidWrite) {
                // The server stopped reading at its limit and closed: the write's tail met the reset.
            }
        }

        for (Socket s : held) {
            assertThat(closedByServer(s)).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> count(ServerOutcome.PROTOCOL_VIOLATION) == bombs);
        assertThat(MathServers.capture(server)).isEqualTo(Flags.TEST_MINTER.flag(false, "cs5700fall2020", "001234567"));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.activeConnections() == 0);
    }

    @Test
    void heldConnectionsAcrossEveryListenerStopAtTheTotalCapAndTheClientIsToldTheServerMayBeBusy() throws Exception {
        ConnectionBudget budget = new ConnectionBudget(6, 100);
        MathServer status = start(MathServers.options(Dialects.STATUS, 5), budget);
        MathServer statusTls = start(
                MathServers.builder(Dialects.STATUS, 5)
                        .tls(ServerCertificate.selfSigned().sslContext())
                        .build(),
                budget);
        MathServer eece = start(MathServers.options(Dialects.EECE, 5), budget);
        List<MathServer> listeners = List.of(status, statusTls, eece);
        List<Socket> held = new ArrayList<>();
        for (MathServer listener : listeners) {
            held.add(connect(listener.port()));
            held.add(connect(listener.port()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.active() == 6);

        for (MathServer listener : listeners) {
            assertThat(closedByServer(connect(listener.port())))
                    .as(
                            "one more on %s/%s",
                            listener.options().dialect().name(),
                            listener.options().transport())
                    .isTrue();
        }
        assertThatThrownBy(() -> MathServers.capture(status)).isInstanceOfSatisfying(SessionFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(FailureReason.SERVER_CLOSED);
            assertThat(f.detail())
                    .contains("or a busy server (one at its connection limit closes at once: try again later)");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> count(ServerOutcome.BUSY) == 4);

        held.get(0).close();
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.active() == 5);
        assertThat(MathServers.capture(status)).hasSize(64);
    }

    @Test
    void oneAddressTakesNoMoreThanItsShare() throws Exception {
        ConnectionBudget budget = new ConnectionBudget(100, 2);
        MathServer server = start(MathServers.options(Dialects.STATUS, 5), budget);
        connect(server.port());
        connect(server.port());
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.active() == 2);

        assertThat(closedByServer(connect(server.port())))
                .as("a third from 127.0.0.1")
                .isTrue();

        Socket other = connectFrom(InetAddress.getByName("127.0.0.2"), server.port());
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.active() == 3);
        other.getOutputStream().write("cs5700fall2020 HELLO 7\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(other.getInputStream().readNBytes(21), StandardCharsets.US_ASCII))
                .as("another address is served")
                .startsWith("cs5700fall2020 STATUS");
    }

    @Test
    void aCorrectClientPastTheSessionDeadlineIsClosed() throws Exception {
        ServerOptions options = MathServers.builder(Dialects.STATUS, 100_000_000)
                .sessionDeadline(Duration.ofMillis(500))
                .build();
        MathServer server = start(options, ConnectionBudget.defaults());

        // A close, or a reset when an answer was on its way as the deadline struck.
        assertThatThrownBy(() -> MathServers.capture(server))
                .isInstanceOfSatisfying(
                        SessionFailure.class, f -> assertThat(f.reason()).isEqualTo(FailureReason.SERVER_CLOSED));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(ServerOutcome.DEADLINE) == 1);
        assertThat(count(ServerOutcome.WRONG_ANSWER)).isZero();
    }
}
