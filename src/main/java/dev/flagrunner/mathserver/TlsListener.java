package dev.flagrunner.mathserver;

import dev.flagrunner.protocol.ReadBufferedSocket;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The listener of a TLS math server: accepts TCP connections and layers server-mode TLS over each, with the
 * same defaults as the context's own {@code SSLServerSocket}. It reads through a {@link ReadBufferedSocket}, so a
 * record costs one system call instead of two (header, then body). The handshake runs on the connection's
 * first read, on its own thread, as with an {@code SSLServerSocket}.
 */
final class TlsListener extends ServerSocket {

    private final SSLSocketFactory layers;

    TlsListener(SSLContext context) throws IOException {
        this.layers = context.getSocketFactory();
    }

    @Override
    public Socket accept() throws IOException {
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        Socket tcp = new ReadBufferedSocket();
        implAccept(tcp);
        try {
            return layers.createSocket(tcp, null, true);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }
}
