package dev.flagrunner.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on an ephemeral 127.0.0.1 port for tests: per connection it completes the handshake,
 * reads one line and writes it back. Connections are served one after another.
 */
final class TlsEchoServer implements AutoCloseable {

    private final SSLServerSocket server;
    private final Thread thread;

    private TlsEchoServer(SSLServerSocket server) {
        this.server = server;
        this.thread = new Thread(this::serve, "tls-echo-" + server.getLocalPort());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    static TlsEchoServer start(ServerCertificate certificate, String... protocols) throws IOException {
        return start(certificate.sslContext(), protocols);
    }

    static TlsEchoServer start(SSLContext context, String... protocols) throws IOException {
        SSLServerSocket server = (SSLServerSocket)
                context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        if (protocols.length > 0) {
            server.setEnabledProtocols(protocols);
        }
        return new TlsEchoServer(server);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                OutputStream out = socket.getOutputStream();
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // a client that fails its handshake, or the server closing: serve the next one
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
