package dev.flagrunner.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/** Client-side steps the tests share: connect to 127.0.0.1, handshake, exchange a line. */
final class Tls {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Tls() {}

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
        return socket;
    }

    /** Handshakes as {@code host} (127.0.0.1 unless a test checks names) and returns the echoed line. */
    static String echo(ClientTls tls, String host, int port) throws IOException {
        try (SSLSocket socket = tls.handshake(connect(port), host, port, TIMEOUT)) {
            socket.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    static String echo(ClientTls tls, int port) throws IOException {
        return echo(tls, "127.0.0.1", port);
    }
}
