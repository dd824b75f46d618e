package dev.flagrunner.protocol;

import static dev.flagrunner.net.Sockets.closeQuietly;

import dev.flagrunner.net.HostPort;
import dev.flagrunner.net.ReadTimeouts;
import dev.flagrunner.net.Sockets;
import dev.flagrunner.net.UnconnectedSockets;
import dev.flagrunner.tls.ClientTls;
import dev.flagrunner.tls.TlsHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Opens the connection of a session: plain TCP here, TLS in the {@code tls} package. Failures are
 * {@link SessionFailure}s with a connect or handshake reason.
 */
@FunctionalInterface
public interface SocketOpener {

    /** A connected socket; no read timeout is set on it, {@link ReadTimeouts} keeps that for the session. */
    Socket open(String host, int port, Duration connectTimeout) throws SessionFailure;

    /**
     * Plain TCP with TCP_NODELAY ({@link Sockets#connect}). Reads are blocking; their timeout is kept by
     * {@link ReadTimeouts}, not by {@code SO_TIMEOUT}.
     */
    static SocketOpener plain() {
        return SocketOpener::connectTcp;
    }

    /** Plain TCP on a socket that {@code sockets} makes (and may bind) before it connects. */
    static SocketOpener plain(UnconnectedSockets sockets) {
        return (host, port, connectTimeout) -> connect(sockets, false, host, port, connectTimeout);
    }

    /**
     * TLS over TCP: connects, then completes the handshake within the connect timeout (a plain server
     * that never answers cannot hang it); a failed handshake is {@code TLS_HANDSHAKE_FAILED} with the
     * JDK's reason.
     */
    static SocketOpener tls(ClientTls tls) {
        return tls(tls, UnconnectedSockets.FRESH);
    }

    /** TLS over a TCP socket that {@code sockets} makes (and may bind) before it connects. */
    static SocketOpener tls(ClientTls tls, UnconnectedSockets sockets) {
        return (host, port, connectTimeout) -> {
            Socket tcp = connect(sockets, true, host, port, connectTimeout);
            try {
                return tls.handshake(tcp, host, port, connectTimeout);
            } catch (TlsHandshakeException e) {
                closeQuietly(tcp);
                throw new SessionFailure(FailureReason.TLS_HANDSHAKE_FAILED, e.getMessage(), e);
            }
        };
    }

    /** A connected TCP socket with TCP_NODELAY; reads block ({@link ReadTimeouts} keeps their timeout). */
    static Socket connectTcp(String host, int port, Duration connectTimeout) throws SessionFailure {
        return connect(new Socket(), host, port, connectTimeout);
    }

    private static Socket connect(UnconnectedSockets sockets, boolean tls, String host, int port, Duration timeout)
            throws SessionFailure {
        Socket socket;
        try {
            socket = sockets.create(tls);
        } catch (IOException e) {
            throw new SessionFailure(
                    FailureReason.CONNECT_FAILED,
                    "cannot open a socket to " + HostPort.format(host, port) + ": " + e,
                    e);
        }
        return connect(socket, host, port, timeout);
    }

    /** Connects a new, unconnected {@code socket} ({@link Sockets#connect}); a failure is its connect reason. */
    private static Socket connect(Socket socket, String host, int port, Duration connectTimeout) throws SessionFailure {
        try {
            return Sockets.connect(socket, host, port, connectTimeout);
        } catch (UnknownHostException e) {
            throw new SessionFailure(FailureReason.CONNECT_FAILED, "unknown host " + host, e);
        } catch (SocketTimeoutException e) {
            throw new SessionFailure(
                    FailureReason.CONNECT_TIMEOUT,
                    "no connection to " + HostPort.format(host, port) + " within " + connectTimeout.toMillis() + " ms",
                    e);
        } catch (ConnectException | NoRouteToHostException e) {
            throw new SessionFailure(
                    FailureReason.CONNECT_FAILED,
                    "cannot connect to " + HostPort.format(host, port) + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new SessionFailure(
                    FailureReason.CONNECT_FAILED, "cannot connect to " + HostPort.format(host, port) + ": " + e, e);
        }
    }
}
