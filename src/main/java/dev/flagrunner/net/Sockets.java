package dev.flagrunner.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * Connecting and closing sockets: a connect with TCP_NODELAY that closes what it could not connect, the one home
 * of "close it, quietly", and a close that never waits for a blocked write.
 */
public final class Sockets {

    private Sockets() {}

    /**
     * Closes a socket or a listener, ignoring a failure: it comes after the error worth reporting, or
     * while shutting down, and a socket that cannot even close leaves nothing to do. Null is allowed (a
     * socket not yet created).
     */
    public static void closeQuietly(Closeable socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // See above: nothing left to do.
        }
    }

    /**
     * Connects a new, unconnected {@code socket} with TCP_NODELAY (one message, one segment: no Nagle delay on a
     * question's answer) within {@code timeout}; reads stay blocking ({@link ReadTimeouts} keeps their timeout). On
     * failure the socket is closed and the JDK's exception is thrown as it was.
     */
    public static Socket connect(Socket socket, String host, int port, Duration timeout) throws IOException {
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /**
     * Closes a socket from another thread, also while the session is blocked writing to it. A TLS socket's
     * close sends close_notify under the lock that a blocked write holds, so it would wait for a write that
     * a server which never reads never ends; with SO_LINGER 0 it does not wait (and the close is a reset).
     * A plain socket's close already ends a blocked write.
     */
    public static void closeNow(Socket socket) {
        if (socket instanceof SSLSocket) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // Closed already: the close below has nothing to wait for.
            }
        }
        closeQuietly(socket);
    }
}
