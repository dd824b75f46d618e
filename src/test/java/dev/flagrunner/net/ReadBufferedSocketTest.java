package dev.flagrunner.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.protocol.LineReader;
import dev.flagrunner.tls.ClientTls;
import dev.flagrunner.tls.ServerCertificate;
import dev.flagrunner.tls.TlsHandshakeException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK's TLS socket reads a record's header and its body in two reads; under a {@link ReadBufferedSocket}
 * they cost one read of the connection. Counted over a real TLS 1.3 ping-pong on 127.0.0.1.
 */
class ReadBufferedSocketTest {

    private static final int EXCHANGES = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ServerCertificate CERTIFICATE = ServerCertificate.selfSigned();

    private static ServerSocket server;
    private static Thread echo;

    @BeforeAll
    static void startEchoServer() throws IOException {
        server = CERTIFICATE
                .sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echo = new Thread(ReadBufferedSocketTest::echoLines, "tls-line-echo");
        echo.setDaemon(true);
        echo.start();
    }

    @AfterAll
    static void stopEchoServer() throws IOException {
        server.close();
    }

    /** Echoes every line of every connection, one connection after another. */
    private static void echoLines() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                for (String line; (line = in.readLine()) != null; ) {
                    out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // the client went away or the server closed: serve the next one
            }
        }
    }

    @Test
    void aTlsRecordCostsOneReadOfTheConnection() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        Socket tcp = new ReadBufferedSocket() {
            @Override
            InputStream unbuffered() throws IOException {
                return counting(super.unbuffered(), reads);
            }
        };

        int exchanges = pingPong(tcp);

        assertThat(exchanges).isEqualTo(EXCHANGES);
        // One read per answer record, plus the handshake's few and the session tickets' (TLS 1.3).
        assertThat(reads.get()).isBetween(EXCHANGES, EXCHANGES + 10);
    }

    @Test
    void aBareSocketCostsTwoReadsPerRecordWhichIsWhyTheBufferIsThere() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        Socket tcp = new Socket() {
            @Override
            public InputStream getInputStream() throws IOException {
                return counting(super.getInputStream(), reads);
            }
        };

        pingPong(tcp);

        assertThat(reads.get()).isGreaterThanOrEqualTo(2 * EXCHANGES);
    }

    @Test
    void aLongerRecordThanTheBufferArrivesWhole() throws IOException {
        String line = "x".repeat(3 * ReadBufferedSocket.BUFFER_SIZE);
        try (SSLSocket tls = handshake(new ReadBufferedSocket())) {
            tls.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo(line);
        }
    }

    /** EXCHANGES lines out and back over TLS on {@code tcp}; returns how many came back intact. */
    private static int pingPong(Socket tcp) throws IOException {
        try (SSLSocket tls = handshake(tcp)) {
            OutputStream out = tls.getOutputStream();
            InputStream in = tls.getInputStream();
            LineReader lines = new LineReader(in, 100, StandardCharsets.US_ASCII, true);
            int intact = 0;
            for (int i = 0; i < EXCHANGES; i++) {
                String question = "cs5700fall2025 STATUS " + i + " + " + i;
                out.write((question + "\n").getBytes(StandardCharsets.US_ASCII));
                if (question.equals(lines.next())) {
                    intact++;
                }
            }
            return intact;
        }
    }

    private static SSLSocket handshake(Socket tcp) throws IOException {
        tcp.setTcpNoDelay(true);
        tcp.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), (int)
                TIMEOUT.toMillis());
        try {
            return ClientTls.create(CERTIFICATE.trustMode())
                    .handshake(tcp, "127.0.0.1", server.getLocalPort(), TIMEOUT);
        } catch (TlsHandshakeException e) {
            throw new IOException(e);
        }
    }

    private static InputStream counting(InputStream in, AtomicInteger reads) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                reads.incrementAndGet();
                return super.read(b, off, len);
            }

            @Override
            public int read() throws IOException {
                reads.incrementAndGet();
                return super.read();
            }
        };
    }
}
