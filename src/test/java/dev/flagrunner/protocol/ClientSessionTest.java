package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.mathserver.FlagMinter;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.support.Flags;
import dev.flagrunner.support.MathServers;
import dev.flagrunner.support.SessionSpecs;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against the real reference server over loopback sockets. */
class ClientSessionTest {

    private static final FlagMinter MINTER = Flags.TEST_MINTER;
    private MathServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SessionSpec spec(String id) {
        return SessionSpecs.of(
                "127.0.0.1",
                server.port(),
                Dialects.STATUS,
                "cs5700fall2020",
                id,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    @Test
    void capturesTheFlagOfTheStatusDialect() throws Exception {
        server = MathServers.start(Dialects.STATUS, 50);
        ClientSession session = new ClientSession(spec("001234567"), SocketOpener.plain(), SessionListener.NONE);

        assertThat(session.run()).isEqualTo(MINTER.flag(false, "cs5700fall2020", "001234567"));
        assertThat(session.answered()).isEqualTo(50);
    }

    @Test
    void aWrongAnswerEndsInServerClosedNamingTheAnswer() throws Exception {
        server = MathServers.start(Dialects.STATUS, 10);
        // The fourth message the client writes (HELLO, answers 1 and 2, then answer 3) is changed on its way out.
        SocketOpener corruptingThirdAnswer =
                (host, port, connect) -> new CorruptingSocket(SocketOpener.connectTcp(host, port, connect), 4);
        ClientSession session = new ClientSession(spec("7"), corruptingThirdAnswer, SessionListener.NONE);

        assertThatThrownBy(session::run).isInstanceOfSatisfying(SessionFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(FailureReason.SERVER_CLOSED);
            assertThat(f.detail())
                    .isEqualTo("the server closed the connection after answer 3: wrong answer or protocol violation");
        });
    }

    @Test
    void nothingListeningIsConnectFailed() throws Exception {
        // Not a closed MathServer's port: an accept in flight when it closes can still take a connection
        // (and close it at once), so ~4% of runs saw SERVER_CLOSED. A listener nobody accepts on closes at once.
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ClientSession session = new ClientSession(
                SessionSpecs.of(
                        "127.0.0.1",
                        closedPort,
                        Dialects.STATUS,
                        "cs5700fall2020",
                        "1",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2)),
                SocketOpener.plain(),
                SessionListener.NONE);

        assertThatThrownBy(session::run)
                .isInstanceOfSatisfying(
                        SessionFailure.class, f -> assertThat(f.reason()).isEqualTo(FailureReason.CONNECT_FAILED));
    }

    /** A socket whose n-th write has its last digit before the line feed changed. */
    private static final class CorruptingSocket extends Socket {
        private final Socket delegate;
        private final int corruptWrite;

        CorruptingSocket(Socket delegate, int corruptWrite) {
            this.delegate = delegate;
            this.corruptWrite = corruptWrite;
        }

        @Override
        public java.io.InputStream getInputStream() throws IOException {
            return delegate.getInputStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(delegate.getOutputStream()) {
                int writes;

                @Override
                public void write(byte[] b) throws IOException {
                    byte[] copy = b.clone();
                    if (++writes == corruptWrite) {
                        int last = copy.length - 2;
                        copy[last] = (byte) (copy[last] == '9' ? '0' : copy[last] + 1);
                    }
                    out.write(copy);
                }
            };
        }

        @Override
        public synchronized void close() throws IOException {
            delegate.close();
        }
    }
}
